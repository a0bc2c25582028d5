/**
 * A trained model as plain data: standardisation constants and dense layers as typed arrays.
 * Training uses TensorFlow.js; once trained the weights are copied out and every tensor is
 * disposed, so the model can be stored, scored in plain JS (sub-microsecond per request) or
 * loaded back into tensors for batch scoring.
 */
export type ModelKind = "logistic" | "mlp";

export type DenseLayer = { inDim: number; outDim: number; w: Float32Array; b: Float32Array; activation: "relu" | "linear" };

export type EpochLog = { epoch: number; trainLoss: number; valLoss: number };

export type TrainedModel = {
  kind: ModelKind;
  featureNames: string[];
  mean: Float32Array;
  std: Float32Array;
  /** The last layer outputs a logit. */
  layers: DenseLayer[];
  /**
   * MLP only: a linear "wide" path from the inputs straight to the logit, added to the deep
   * path's logit (Wide & Deep), so the deep model starts from the baseline's capacity.
   * @see Cheng et al. 2016, "Wide & Deep Learning for Recommender Systems"
   */
  wide: DenseLayer | null;
  history: EpochLog[];
  bestEpoch: number;
  hasStoppedEarly: boolean;
  parameterCount: number;
};
