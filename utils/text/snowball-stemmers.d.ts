// Types for the untyped `snowball-stemmers` package (a UMD build of the Snowball stemmers,
// no Node built-ins, so it bundles for the browser as is).
declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): SnowballStemmer;
  export function algorithms(): string[];
  const snowball: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default snowball;
}
