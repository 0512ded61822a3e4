// The calibration job: every minute, reveals each blind calibration whose deadline has passed (src/app/reveal-
// calibrations.ts). Each reveal is a conditional update, so two replicas running it at once reveal it once.
import type { CalibrationStore } from "../app/calibration.ports.js";
import { revealDueCalibrations } from "../app/reveal-calibrations.js";
import type { Clock } from "../domain/clock.js";
import type { Logger } from "../logger.js";
import type { Job } from "./scheduler.js";

export const CALIBRATION_JOB = "calibration";

export function calibrationJob(ports: { calibrations: CalibrationStore; clock: Clock }, logger: Logger): Job {
  return {
    name: CALIBRATION_JOB,
    schedule: "* * * * *",
    run: async (now) => {
      const revealed = await revealDueCalibrations(ports, now);
      if (revealed) logger.info({ revealed }, `revealed ${revealed} calibration${revealed === 1 ? "" : "s"} at their deadline`);
    },
  };
}
