// Bolt's InstallationStore on PostgreSQL (OAuth distribution). Installing also provisions the workspace, in the
// installer's time zone, with the installer as admin.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SlackInstallationRepository } from "../../db/slack-installation.repository.js";

export const installKey = (q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) =>
  q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : (q.teamId ?? q.enterpriseId ?? "");

export function postgresInstallationStore(repo: SlackInstallationRepository, onInstalled: (installation: Installation) => Promise<void>): InstallationStore {
  return {
    async storeInstallation(installation) {
      await repo.save({
        installKey: installKey({
          teamId: installation.team?.id,
          enterpriseId: installation.enterprise?.id,
          isEnterpriseInstall: installation.isEnterpriseInstall,
        }),
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        installerUserId: installation.user.id,
        data: installation,
      });
      await onInstalled(installation as Installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const data = await repo.find(installKey(query));
      if (!data) throw new Error(`no Slack installation for ${query.teamId ?? query.enterpriseId}`);
      return data as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repo.delete(installKey(query));
    },
  };
}

/** The bot token of a team's installation, for outbox deliveries. */
export async function botTokenFor(repo: SlackInstallationRepository, teamId: string): Promise<string | undefined> {
  const data = (await repo.find(teamId)) as Installation | null;
  return data?.bot?.token;
}
