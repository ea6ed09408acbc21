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
}

/**
 * full-check.js: keeps a publication's verdict for the extractor.js that follows, for this
 * address only. A page that is not one keeps nothing (and drops an earlier view's verdict).
 */
export function leaveDetection(scope: object, url: string, detection: Detection): void {
  if (detection.detected) {
    const handoff: Handoff = { url, detection: { ...detection, signals: [...detection.signals] } };
    Reflect.set(scope, HANDOFF, handoff);
  } else Reflect.deleteProperty(scope, HANDOFF);
}

/**
 * extractor.js: the verdict full-check.js left for this address, taken once; undefined when there
 * is none (the reader asks to save, or the page moved on), and the extractor checks the page itself.
 */
export function takeDetection(scope: object, url: string): Detection | undefined {
  const handoff = Reflect.get(scope, HANDOFF) as Partial<Handoff> | undefined;
  Reflect.deleteProperty(scope, HANDOFF);
  const detection = handoff?.detection;
  if (
    handoff?.url !== url ||
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
