/** Text with the words a search matched wrapped in <mark>: built from text nodes, never markup. */
import type { Highlighter } from '@/utils/search';

export function Highlight({ text, highlighter }: { text: string; highlighter?: Highlighter }) {
  if (!highlighter || !text) return <>{text}</>;
  return (
    <>
      {highlighter.parts(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
