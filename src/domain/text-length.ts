// How long a text is as a person sees it: by grapheme (an emoji with its modifiers is one character), not counting
// characters that show nothing (zero-width spaces, joiners, direction marks, lone combining marks).
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
/** A grapheme shows something when it has a code point other than a format, control or combining mark, or is whitespace. */
const SHOWS = /[^\p{Cf}\p{Cc}\p{Mn}\p{Me}]|[\t\n\r\p{Z}]/u;

export function visibleLength(text: string): number {
  let n = 0;
  for (const { segment } of segmenter.segment(text)) if (SHOWS.test(segment)) n++;
  return n;
}
