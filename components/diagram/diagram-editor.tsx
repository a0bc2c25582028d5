"use client";
/**
 * Whiteboard canvas for the diagram drill (React Flow). Controlled: `value` in, `onChange(diagram)`
 * out on every edit (add, move, connect, delete). Arrows are real graph edges: each runs from the
 * box the drag started on to the box it was dropped on, and can only end on a box. `feedback`
 * (from `toCanvasFeedback(gradeDiagram(value))`) colours boxes and arrows and lists what is missing
 * in a panel on the canvas. Props are DTOs only; the component does no data access.
 *
 * Test hooks: boxes carry data-testid="diagram-node-<id>" and data-status; React Flow gives arrows
 * data-testid="rf__edge-<id>" and each arrow an aria-label "<from> to <to>[: status]".
 */
import "@xyflow/react/dist/style.css";
import {
  applyEdgeChanges, applyNodeChanges, Background, ConnectionMode, Controls, MarkerType, Panel, ReactFlow,
  type Connection, type Edge, type EdgeChange, type FitViewOptions, type NodeChange, type ReactFlowInstance,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { MAX_DIAGRAM_EDGES, MAX_DIAGRAM_NODES, REFERENCE_COMPONENT_LABELS, type Diagram, type DiagramFeedback } from "@/lib/diagram";
import { ComponentNode } from "./component-node";
import { DiagramToolbar } from "./diagram-toolbar";
import { EDGE_COLORS, FeedbackPanel } from "./feedback-panel";
import { boxOf, canConnect, diagramKey, mergeDiagram, nextId, nextPosition, pickHandles, toDiagram, type ComponentFlowNode } from "./flow-mapping";

export type DiagramEditorProps = {
  value: Diagram;
  onChange: (diagram: Diagram) => void;
  /** Grade feedback drawn on the canvas; omit before grading. */
  feedback?: DiagramFeedback | null;
  /** Quick-add buttons; defaults to the 12 reference components. */
  quickAddLabels?: readonly string[];
  /** View only: no palette, no dragging or connecting (e.g. the reference answer). */
  isReadOnly?: boolean;
  /** Canvas height in px. */
  heightPx?: number;
  /** Accessible name of the canvas region. */
  ariaLabel?: string;
};

const NODE_TYPES = { component: ComponentNode };
/** Room on the right for the feedback panel so fitting the view does not hide boxes under it. */
const FEEDBACK_PANEL_PX = 290;
const EDGE_STATUS_TEXT = { ok: "right", bonus: "E6 extra", reversed: "reversed", extra: "not in the reference" } as const;

export function DiagramEditor({ value, onChange, feedback = null, quickAddLabels = REFERENCE_COMPONENT_LABELS, isReadOnly = false, heightPx = 560, ariaLabel = "Whiteboard diagram" }: DiagramEditorProps) {
  const [nodes, setNodes] = useState<ComponentFlowNode[]>(() => mergeDiagram(value, [], []).nodes);
  const [edges, setEdges] = useState<Edge[]>(() => mergeDiagram(value, [], []).edges);
  const [seenValueKey, setSeenValueKey] = useState(() => diagramKey(value));
  const [fitRequest, setFitRequest] = useState(0);
  const [hadFeedback, setHadFeedback] = useState(Boolean(feedback));
  const flowRef = useRef<ReactFlowInstance<ComponentFlowNode, Edge> | null>(null);

  const diagram = useMemo(() => toDiagram(nodes, edges), [nodes, edges]);
  const localKey = diagramKey(diagram);
  const valueKey = diagramKey(value);

  // An external value (load, reset, server state) replaces the canvas; our own echo does not.
  if (valueKey !== seenValueKey) {
    setSeenValueKey(valueKey);
    if (valueKey !== localKey) {
      const merged = mergeDiagram(value, nodes, edges);
      setNodes(merged.nodes);
      setEdges(merged.edges);
      setFitRequest((n) => n + 1);
    }
  }
  const hasFeedback = Boolean(feedback);
  if (hasFeedback !== hadFeedback) {
    setHadFeedback(hasFeedback);
    setFitRequest((n) => n + 1);
  }

  const fitViewOptions = useMemo<FitViewOptions<ComponentFlowNode>>(
    () => ({ maxZoom: 1, padding: { top: "24px", bottom: "24px", left: "24px", right: hasFeedback ? `${FEEDBACK_PANEL_PX}px` : "24px" } }),
    [hasFeedback],
  );
  useEffect(() => {
    if (fitRequest > 0) void flowRef.current?.fitView(fitViewOptions);
  }, [fitRequest, fitViewOptions]);

  const emittedKey = useRef(localKey);
  useEffect(() => {
    if (localKey === emittedKey.current) return;
    emittedKey.current = localKey;
    if (localKey !== valueKey) onChange(diagram);
  }, [localKey, valueKey, diagram, onChange]);

  const onNodesChange = useCallback((changes: NodeChange<ComponentFlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes, current)), []);

  const addArrow = useCallback((source: string, target: string) => {
    setEdges((current) => (current.length < MAX_DIAGRAM_EDGES && canConnect(current, source, target) ? [...current, { id: nextId("edge", current.map((e) => e.id)), source, target }] : current));
  }, []);
  const onConnect = useCallback((connection: Connection) => addArrow(connection.source, connection.target), [addArrow]);

  const addBox = useCallback((label: string) => {
    setNodes((current) => (current.length >= MAX_DIAGRAM_NODES ? current : [
      ...current.map((n) => (n.selected ? { ...n, selected: false } : n)),
      { id: nextId("box", current.map((n) => n.id)), type: "component", position: nextPosition(current.length), data: { label } },
    ]));
  }, []);

  const deleteSelected = useCallback(() => {
    const removed = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    setNodes(nodes.filter((n) => !removed.has(n.id)));
    setEdges(edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target)));
  }, [nodes, edges]);

  const reverseSelected = useCallback(() => {
    setEdges((current) => current.map((e) => (e.selected && !current.some((o) => o.source === e.target && o.target === e.source) ? { ...e, source: e.target, target: e.source } : e)));
  }, []);

  const displayNodes = useMemo(() => nodes.map((n) => {
    const status = feedback?.nodeStatus[n.id];
    return {
      ...n,
      ariaLabel: status === "extra" ? `${n.data.label} (not in the reference)` : n.data.label,
      data: status ? { ...n.data, status } : n.data,
    };
  }), [nodes, feedback]);

  const displayEdges = useMemo(() => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return edges.map((e): Edge => {
      const source = byId.get(e.source);
      const target = byId.get(e.target);
      const status = feedback?.edgeStatus[e.id];
      const color = EDGE_COLORS[status ?? "none"];
      const handles = source && target ? pickHandles(boxOf(source), boxOf(target)) : {};
      const name = `${source?.data.label ?? e.source} to ${target?.data.label ?? e.target}`;
      return {
        ...e,
        ...handles,
        className: `diagram-edge diagram-edge--${status ?? "none"}`,
        ariaLabel: status ? `${name}: ${EDGE_STATUS_TEXT[status]}` : name,
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 18, height: 18 },
        style: { stroke: color, strokeWidth: e.selected ? 3 : 2, strokeDasharray: status === "reversed" || status === "extra" ? "6 4" : undefined },
        ...(status === "reversed" || status === "extra" ? { label: EDGE_STATUS_TEXT[status], labelStyle: { fill: color, fontSize: 11, fontWeight: 600 } } : {}),
      };
    });
  }, [nodes, edges, feedback]);

  const hasSelection = nodes.some((n) => n.selected) || edges.some((e) => e.selected);

  return (
    <div className="space-y-3">
      {isReadOnly ? null : (
        <DiagramToolbar
          quickAddLabels={quickAddLabels}
          boxes={nodes.map((n) => ({ id: n.id, label: n.data.label }))}
          canAddBox={nodes.length < MAX_DIAGRAM_NODES}
          hasSelection={hasSelection}
          onAddBox={addBox}
          onAddArrow={addArrow}
          onDeleteSelected={deleteSelected}
          onReverseSelected={reverseSelected}
        />
      )}
      <section aria-label={ariaLabel} className="overflow-hidden rounded-lg border border-slate-200 bg-slate-50" style={{ height: heightPx }}>
        <ReactFlow<ComponentFlowNode, Edge>
          nodes={displayNodes}
          edges={displayEdges}
          nodeTypes={NODE_TYPES}
          onNodesChange={isReadOnly ? undefined : onNodesChange}
          onEdgesChange={isReadOnly ? undefined : onEdgesChange}
          onConnect={isReadOnly ? undefined : onConnect}
          connectionMode={ConnectionMode.Loose}
          connectionRadius={40}
          nodesDraggable={!isReadOnly}
          nodesConnectable={!isReadOnly}
          elementsSelectable={!isReadOnly}
          deleteKeyCode={isReadOnly ? null : ["Backspace", "Delete"]}
          onInit={(instance) => { flowRef.current = instance; }}
          fitView
          fitViewOptions={fitViewOptions}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
          {feedback ? (
            <Panel position="top-right">
              <FeedbackPanel feedback={feedback} />
            </Panel>
          ) : null}
        </ReactFlow>
      </section>
      {isReadOnly ? null : (
        <p className="text-xs text-slate-500">
          Drag from a box&apos;s edge dot to another box to draw an arrow (or use &ldquo;Arrow from / to&rdquo;). Click a box or arrow to select it; Delete removes it.
        </p>
      )}
    </div>
  );
}
