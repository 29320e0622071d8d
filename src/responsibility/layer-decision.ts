import type { Layer } from '../model/vocabulary';

/** The layer a rule put a finding on, with the rule's id and the sentence that explains it. */
export interface LayerDecision {
  layer: Layer;
  secondaryLayer: Layer | null;
  /** Id of the rule or table row, e.g. `control:S3.1`, `keyword:secrets`, `default`. */
  rule: string;
  /** One sentence a reviewer can check, ending with a full stop. */
  reason: string;
}
