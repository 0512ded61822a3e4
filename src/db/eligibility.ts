// Who a period counts (PRODUCT.md §3, §8): people in the programme, enrolled for the whole period. One rule for the
// close that credits them, the attendance post and the digest that count them: the post said "3 of 4" while the
// digest, which also counted a member who joined mid-week, said "4 of 5".

/** Who the programme covers at all (PRODUCT.md §8): active people, not bots, guests or people of other organisations. */
export function inProgramme(m: string): string {
  return `${m}.active AND NOT ${m}."isBot" AND NOT ${m}."isGuest" AND NOT ${m}."isExternal"`;
}

/**
 * The SQL condition on member alias `m` for the period from `startsAt` to `endsAt`. Without teams, everyone in the
 * programme is enrolled from the day the directory (or wowbot) first saw them (`joinedAt`). Once teams exist, the agents
 * of teams are: an agent of a team at the period's start and still one at its end (a move between teams keeps them
 * enrolled; the period goes to the team they are in at the close). Which rule a period follows depends on whether a
 * team existed when it started, so the week teams are set up in is still credited as before. The instants are written
 * as literals (ISO strings from Dates, nothing a person typed), so raw queries and Prisma's tagged ones share the text.
 */
export function eligibleMember(m: string, period: { startsAt: Date; endsAt: Date }): string {
  const start = `'${period.startsAt.toISOString()}'::timestamptz`;
  const end = `'${period.endsAt.toISOString()}'::timestamptz`;
  const teamsThen = `EXISTS (SELECT 1 FROM "Team" tm WHERE tm."workspaceId" = ${m}."workspaceId" AND tm."createdAt" <= ${start}
      AND (tm."deletedAt" IS NULL OR tm."deletedAt" > ${start}))`;
  const inTeamAt = (at: string, open: string) =>
    `EXISTS (SELECT 1 FROM "TeamMembership" tx WHERE tx."memberId" = ${m}.id AND tx.role = 'member' AND tx."from" <= ${at} AND (tx."to" IS NULL OR tx."to" ${open} ${at}))`;
  return `${inProgramme(m)} AND CASE WHEN ${teamsThen}
    THEN ${inTeamAt(start, ">")} AND ${inTeamAt(end, ">=")}
    ELSE ${m}."joinedAt" < ${start} END`;
}
