import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunView } from "@/components/simulations/run-view";
import { requirePageUser } from "@/lib/auth";
import { getRun } from "@/lib/db/runs";

export const metadata: Metadata = { title: "Simulation run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/simulations/${encodeURIComponent(id)}`);
  const run = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getRun({ id, userId: user.id }) : null;
  if (!run) notFound();
  return <RunView run={run} isOwner />;
}
