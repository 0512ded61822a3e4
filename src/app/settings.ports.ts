// Workspace settings changes: what a change may name and what it reports.
import type { WorkspaceSettings } from "../domain/settings.js";

export type SettingsUpdate =
  /** `changed`: the settings (and "timezone") whose values differ from before. */
  { ok: true; settings: WorkspaceSettings; changed: SettingName[] } | { ok: false; problems: Array<{ field: string; message: string }> };

/** A setting as the settings form shows it: a WorkspaceSettings key or the workspace's time zone. */
export type SettingName = keyof WorkspaceSettings | "timezone";

/** A settings change; the time zone is the workspace's own column, changed through the same form. */
export type SettingsPatch = Partial<WorkspaceSettings> & { timezone?: string };

export interface SettingsStore {
  /** Validates the whole result; an invalid change stores nothing. Valid changes are audit-logged. */
  updateSettings(workspaceId: string, patch: SettingsPatch, actor: string): Promise<SettingsUpdate>;
}
