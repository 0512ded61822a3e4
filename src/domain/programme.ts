// Who the programme covers (PRODUCT.md §8): the directory holds everyone, but bots, guests and people of other
// organisations are kept out of attendance, paid hours and the counts that go with them.

interface Person {
  isBot: boolean;
  isGuest: boolean;
  isExternal: boolean;
}

/** What keeps the person out of the programme ("a bot", "a guest", "of another organisation"), or null. */
export function outsideProgramme(person: Person): string | null {
  if (person.isBot) return "a bot";
  if (person.isExternal) return "of another organisation";
  if (person.isGuest) return "a guest";
  return null;
}
