import { createBackground, type Background } from '@/utils/background/context';
import { browserPorts } from './ports';

let instance: Background | undefined;

/** The one background of this service-worker life, over the real ports (made on first use). */
export function background(): Background {
  instance ??= createBackground(browserPorts());
  return instance;
}
