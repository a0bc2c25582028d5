import type { Metadata } from "next";
import { DrillCard } from "@/components/drills/drill-card";
import { requirePageUser } from "@/lib/auth";
import { getDrillProgress } from "@/lib/db/attempts";
import { listDrills } from "@/lib/db/drills";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage() {
  const user = await requirePageUser("/drills");
  const [drills, progress] = await Promise.all([listDrills(), getDrillProgress({ userId: user.id })]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Drills</h1>
        <p className="text-slate-600">Each drill is a question an interviewer asks. Answer in your own words; your answers are kept in your history.</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {drills.map((drill) => (
          <li key={drill.slug}>
            <DrillCard drill={drill} progress={progress.get(drill.slug) ?? null} />
          </li>
        ))}
      </ul>
    </div>
  );
}
