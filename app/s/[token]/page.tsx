import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunView } from "@/components/simulations/run-view";
import { getSharedRun } from "@/lib/db/runs";

export const metadata: Metadata = { title: "Shared simulation run" };

/** A run shared by its owner: read-only, no owner details, anyone with the link. */
export default async function SharedRunPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const run = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await getSharedRun({ shareToken: token }) : null;
  if (!run) notFound();
  return <RunView run={run} isOwner={false} />;
}
