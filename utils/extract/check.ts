/**
 * The full check as the injected scripts run it, without the extractor: full-check.js bundles only
 * this and utils/detect, so a page that is not a publication never loads the field rules. Where
 * the check finds a publication, the background injects extractor.js next, into the same isolated
 * world; full-check.js leaves its verdict there (`leaveDetection`) so extractor.js reads the record
 * without checking the page again (`takeDetection`).
 */
import { isPublicationPage, type CheckOptions, type Detection } from '@/utils/detect';

/** The full check, never throwing: a page that breaks it is not detected. */
export function fullCheck(doc: Document, url: string, options: CheckOptions = {}): Detection {
  try {
    const found = isPublicationPage(doc, url, options);
    return { detected: found.detected, confidence: found.confidence, signals: [...found.signals] };
  } catch {
    return { detected: false, confidence: 0, signals: ['detect:error'] };
  }
}

/**
 * A property of the scope both scripts run in: the extension's isolated world (Chromium) or
 * content-script sandbox (Firefox), which the page's own scripts cannot see or write.
 */
const HANDOFF = '__leesmapFullCheck';

interface Handoff {
  url: string;
  detection: Detection;
  /** When it was left (performance.now() of the page). */
  at: number;
}

/**
 * How long a verdict waits for extractor.js, in ms: the background injects it right after the
 * full check, so a verdict older than this was left behind (the tab moved on and the background
 * stopped), and a save the reader asks for later checks the page as it is then.
 */
export const HANDOFF_MS = 2_000;

/**
 * full-check.js: keeps a publication's verdict for the extractor.js that follows, for this
 * address only and for HANDOFF_MS after `now`. A page that is not one keeps nothing (and drops an
 * earlier view's verdict).
 */
export function leaveDetection(scope: object, url: string, detection: Detection, now: number): void {
  if (detection.detected) {
    const handoff: Handoff = { url, detection: { ...detection, signals: [...detection.signals] }, at: now };
    Reflect.set(scope, HANDOFF, handoff);
  } else Reflect.deleteProperty(scope, HANDOFF);
}

/**
 * extractor.js: the verdict full-check.js left for this address at most HANDOFF_MS before `now`,
 * taken once; undefined when there is none (the reader asks to save, the page moved on, or the
 * verdict was left behind), and the extractor checks the page itself.
 */
export function takeDetection(scope: object, url: string, now: number): Detection | undefined {
  const handoff = Reflect.get(scope, HANDOFF) as Partial<Handoff> | undefined;
  Reflect.deleteProperty(scope, HANDOFF);
  const detection = handoff?.detection;
  const at = handoff?.at;
  if (
    handoff?.url !== url ||
    typeof at !== 'number' ||
    !(now >= at && now - at <= HANDOFF_MS) ||
    typeof detection !== 'object' ||
    detection === null ||
    typeof detection.detected !== 'boolean' ||
    typeof detection.confidence !== 'number' ||
    !Array.isArray(detection.signals) ||
    !detection.signals.every((signal) => typeof signal === 'string')
  )
    return undefined;
  return { detected: detection.detected, confidence: detection.confidence, signals: [...detection.signals] };
}
