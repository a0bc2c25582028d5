"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { ComponentFlowNode, HandleSide } from "./flow-mapping";

const SIDES: readonly { id: HandleSide; position: Position }[] = [
  { id: "top", position: Position.Top },
  { id: "right", position: Position.Right },
  { id: "bottom", position: Position.Bottom },
  { id: "left", position: Position.Left },
];

const STATUS_CLASSES = {
  none: "border-slate-400 bg-white",
  ok: "border-green-600 bg-green-50",
  extra: "border-dashed border-red-500 bg-red-50",
} as const;

/**
 * One box on the whiteboard. Every side has a handle; the canvas runs in loose connection mode, so
 * an arrow starts at the box the drag started on and ends at the box it is dropped on.
 */
export function ComponentNode({ id, data, selected, isConnectable }: NodeProps<ComponentFlowNode>) {
  const status = data.status ?? "none";
  return (
    <div
      data-testid={`diagram-node-${id}`}
      data-status={status}
      className={`min-w-[10.5rem] max-w-[14rem] rounded-lg border-2 px-3 py-3 text-center text-sm font-medium text-slate-900 shadow-sm ${STATUS_CLASSES[status]} ${selected ? "ring-2 ring-brand-500 ring-offset-1" : ""}`}
    >
      {SIDES.map((side) => (
        <Handle key={side.id} id={side.id} type="source" position={side.position} isConnectable={isConnectable} className="!h-2.5 !w-2.5 !border-white !bg-slate-500" />
      ))}
      {data.label}
      {status === "extra" ? <span className="mt-1 block text-xs font-normal text-red-700">not in the reference</span> : null}
    </div>
  );
}
