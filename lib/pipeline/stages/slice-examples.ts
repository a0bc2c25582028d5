/** Zero-copy view of examples [from, to). */
import type { ExampleSet } from "../features/extract-examples";

export function sliceExamples(ex: ExampleSet, from: number, to: number): ExampleSet {
  const d = ex.dim;
  return {
    n: to - from, dim: d, names: ex.names, x: ex.x.subarray(from * d, to * d), y: ex.y.subarray(from, to),
    eventRow: ex.eventRow.subarray(from, to), ts: ex.ts.subarray(from, to), userId: ex.userId.subarray(from, to),
    postId: ex.postId.subarray(from, to), userIdx: ex.userIdx.subarray(from, to), postIdx: ex.postIdx.subarray(from, to),
    device: ex.device.subarray(from, to), isNewUser: ex.isNewUser.subarray(from, to), isFreshPost: ex.isFreshPost.subarray(from, to),
  };
}
