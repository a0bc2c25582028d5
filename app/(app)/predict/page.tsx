import type { Metadata } from "next";
import { PredictConsole } from "@/components/predict/predict-console";
import { requirePageUser } from "@/lib/auth";
import { listServableRuns } from "@/lib/db/models";

export const metadata: Metadata = { title: "Predict" };

export default async function PredictPage() {
  const user = await requirePageUser("/predict");
  const runs = await listServableRuns({ userId: user.id });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Predict</h1>
        <p className="text-slate-600">Score a (user, post) pair with a run’s trained model over its online feature store — with the features used, how fresh they were and the fallback serving chose.</p>
      </header>
      <PredictConsole runs={runs} />
    </div>
  );
}
