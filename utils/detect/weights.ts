/** Score at or above which a page counts as a publication. */
export const DETECTION_THRESHOLD = 3;

/**
 * How much each signal counts. Structured data the publisher declares weighs most; page cues less.
 * A const enum, so the shipped scripts carry the numbers, not a table of names.
 */
export const enum Weight {
  // For: what the publisher declares.
  CitationTitle = 4,
  CitationOther = 2,
  JsonLdPublication = 3,
  MicrodataPublication = 2,
  OgArticle = 1.5,
  ArticlePublishedTime = 1,
  // For: what a reader sees.
  Label = 1.5,
  MaxLabels = 3,
  Byline = 1.5,
  HeadingDate = 1,
  PublicationKicker = 1,
  OwnArticle = 1,
  PdfLink = 1,
  RunningText = 2,
  LongRunningText = 1,

  // Against: the address.
  HomePage = -6,
  ServicePath = -6,
  ListingPath = -3,
  // Against: declared types of another kind of page.
  JsonLdOther = -4,
  MicrodataOther = -3,
  // Against: what a reader sees.
  SearchResults = -6,
  ManyCards = -4,
  VeryManyCards = -2,
  CardsBesideArticle = -1,
  DatedItems = -2,
  OtherLabel = -2,
  OtherKicker = -3,
  HeadingLinksAway = -3,
  CalendarFile = -3,
  Price = -4,
  Login = -3,
  StaleMetadata = 0,
}
