// Who a period counts (PRODUCT.md §3): active people, not bots, members since before the period started. One rule for
// the close that credits them, the attendance post and the digest that count them: the post said "3 of 4" while the
// digest, which also counted a member who joined mid-week, said "4 of 5".

/**
 * The SQL condition on member alias `m` for the period starting at `startsAt`. The instant is written as a literal
 * (an ISO string from a Date, nothing a person typed), so raw queries and Prisma's tagged ones share the same text.
 */
export function eligibleMember(m: string, startsAt: Date): string {
  return `${m}.active AND NOT ${m}."isBot" AND ${m}."joinedAt" < '${startsAt.toISOString()}'::timestamptz`;
}
