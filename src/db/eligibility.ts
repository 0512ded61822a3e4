// Who a period counts (PRODUCT.md §3, §8): people in the programme, members since before the period started. One rule for
// the close that credits them, the attendance post and the digest that count them: the post said "3 of 4" while the
// digest, which also counted a member who joined mid-week, said "4 of 5".

/** Who the programme covers at all (PRODUCT.md §8): active people, not bots, guests or people of other organisations. */
export function inProgramme(m: string): string {
  return `${m}.active AND NOT ${m}."isBot" AND NOT ${m}."isGuest" AND NOT ${m}."isExternal"`;
}

/**
 * The SQL condition on member alias `m` for the period starting at `startsAt`. The instant is written as a literal
 * (an ISO string from a Date, nothing a person typed), so raw queries and Prisma's tagged ones share the same text.
 */
export function eligibleMember(m: string, startsAt: Date): string {
  return `${inProgramme(m)} AND ${m}."joinedAt" < '${startsAt.toISOString()}'::timestamptz`;
}
