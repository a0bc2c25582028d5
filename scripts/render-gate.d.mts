/** Types for scripts/render-gate.mjs (plain JavaScript: web-server.mjs runs without a TypeScript loader). */
export function createRenderGate<Res extends { once(event: "close", listener: () => void): unknown; destroyed: boolean }, Req>(
  limit: number,
  render: (req: Req, res: Res) => void,
): (req: Req, res: Res) => void;
