/**
 * The background as one value: its ports plus the state it keeps for the worker's life (write
 * limits, the suggestion engine). Every flow takes it as its first argument.
 */
import { createWriteLimits, type WriteLimits } from './limits';
import type { BackgroundPorts } from './ports';
import { createSuggestions, type Suggestions } from './suggestions';

export interface Background extends BackgroundPorts {
  limits: WriteLimits;
  suggestions: Suggestions;
}

export function createBackground(ports: BackgroundPorts): Background {
  return {
    ...ports,
    limits: createWriteLimits(ports.session),
    suggestions: createSuggestions(() => ports.database()),
  };
}
