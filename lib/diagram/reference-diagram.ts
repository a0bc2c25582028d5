/**
 * The model answer drawn as a Diagram (seed notebook layout, plus both E6 extras), for a
 * "show the reference" view and as a grader fixture. Positions are canvas pixels.
 */
import type { Diagram } from "./schema";

const COLUMN_PX = 220;
const ROW_PX = 140;
const at = (column: number, row: number) => ({ x: column * COLUMN_PX, y: row * ROW_PX });

export const REFERENCE_DIAGRAM: Diagram = {
  nodes: [
    { id: "collection", label: "Data collection", ...at(0, 0) },
    { id: "verification", label: "Data verification", ...at(1, 0) },
    { id: "extraction", label: "Feature extraction", ...at(2, 0) },
    { id: "offline-store", label: "Offline feature store", ...at(3, 0) },
    { id: "online-store", label: "Online feature store", ...at(3, 1) },
    { id: "model", label: "ML code", ...at(2, 1) },
    { id: "serving", label: "Serving infrastructure", ...at(0, 2) },
    { id: "monitoring", label: "Monitoring", ...at(1, 2) },
    { id: "evaluation", label: "Evaluation pipeline", ...at(2, 2) },
    { id: "analysis", label: "Analysis tools", ...at(3, 2) },
    { id: "configuration", label: "Configuration", ...at(0, 3) },
    { id: "process-management", label: "Process management", ...at(1, 3) },
    { id: "resource-management", label: "Resource management", ...at(2, 3) },
  ],
  edges: [
    { id: "e-collection-verification", source: "collection", target: "verification" },
    { id: "e-verification-extraction", source: "verification", target: "extraction" },
    { id: "e-extraction-offline", source: "extraction", target: "offline-store" },
    { id: "e-extraction-online", source: "extraction", target: "online-store" },
    { id: "e-offline-model", source: "offline-store", target: "model" },
    { id: "e-model-evaluation", source: "model", target: "evaluation" },
    { id: "e-evaluation-monitoring", source: "evaluation", target: "monitoring" },
    { id: "e-evaluation-analysis", source: "evaluation", target: "analysis" },
    { id: "e-monitoring-serving", source: "monitoring", target: "serving" },
    { id: "e-online-serving", source: "online-store", target: "serving" },
    { id: "e-serving-collection", source: "serving", target: "collection" },
  ],
};
