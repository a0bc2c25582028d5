/**
 * What serving needs from a finished run, as plain JSON: the primary model's weights, the feature
 * spec, the TTL, the serving clock and the popularity prior. The worker stores it; the predict API
 * rebuilds a scorer from it over the run's online store.
 */
import type { FeatureSpec } from "../features/spec";
import type { DenseLayer, ModelKind, TrainedModel } from "../model/types";

type SerializedLayer = Omit<DenseLayer, "w" | "b"> & { w: number[]; b: number[] };
export type SerializedModel = { kind: ModelKind; featureNames: string[]; mean: number[]; std: number[]; layers: SerializedLayer[]; wide: SerializedLayer | null };

export type ServingBundle = {
  bundleVersion: 1;
  model: SerializedModel;
  spec: FeatureSpec;
  ttlSeconds: number;
  /** When the online store was materialised, and the serving "now", in epoch seconds. */
  snapshotAt: number;
  servingNow: number;
  isSkewed: boolean;
  /** Training base rate: the popularity fallback is centred on it. */
  baseRate: number;
};

const layerOut = (l: DenseLayer): SerializedLayer => ({ ...l, w: Array.from(l.w), b: Array.from(l.b) });
const layerIn = (l: SerializedLayer): DenseLayer => ({ ...l, w: Float32Array.from(l.w), b: Float32Array.from(l.b) });

export function serializeModel(m: TrainedModel): SerializedModel {
  return { kind: m.kind, featureNames: m.featureNames, mean: Array.from(m.mean), std: Array.from(m.std), layers: m.layers.map(layerOut), wide: m.wide ? layerOut(m.wide) : null };
}

/** Enough of a TrainedModel to score rows (training history is not kept). */
export function deserializeModel(s: SerializedModel): TrainedModel {
  return {
    kind: s.kind, featureNames: s.featureNames, mean: Float32Array.from(s.mean), std: Float32Array.from(s.std),
    layers: s.layers.map(layerIn), wide: s.wide ? layerIn(s.wide) : null,
    history: [], bestEpoch: 0, hasStoppedEarly: false, parameterCount: 0,
  };
}
