import { AppLink } from "@/components/app-link";
import { DueList, endOfUtcDay } from "@/components/review/due-list";
import { getCurrentUser } from "@/lib/auth";
import { listReviewCards } from "@/lib/db/reviews";

const COMPONENTS = ["Data collection", "Verification", "Feature extraction", "Feature store", "ML code", "Evaluation", "Monitoring", "Serving", "Configuration", "Process management", "Resource management", "Analysis tools"];

export default async function LandingPage() {
  const user = await getCurrentUser();
  const cards = user ? await listReviewCards({ userId: user.id }) : [];
  return (
    <div className="space-y-12">
      {user ? (
        <section aria-labelledby="due-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="due-heading" className="mb-2 font-semibold">Due today</h2>
          <DueList cards={cards} until={endOfUtcDay(new Date())} emptyText={cards.length === 0 ? "Answer a drill and it joins your review queue." : "Nothing due today — see what is coming up in Review."} />
        </section>
      ) : null}
      <section className="space-y-5 pt-6">
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">ML system design interview practice</p>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900">The model is the small box. Practise everything around it.</h1>
        <p className="max-w-2xl text-lg text-slate-600">
          Drills drawn from how production feed ranking really works — whiteboard the system, reason about failures and scale,
          recite the framework — with feedback against E5 and E6 rubrics and a history of every answer you give.
        </p>
        <div className="flex gap-3">
          {user ? (
            <AppLink href="/drills" className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">Go to your drills</AppLink>
          ) : (
            <>
              <AppLink href="/sign-up" className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">Start practising</AppLink>
              <AppLink href="/sign-in" className="rounded-md border border-slate-300 bg-white px-5 py-2.5 font-medium text-slate-800 hover:bg-slate-50">Sign in</AppLink>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="components-heading" className="space-y-3">
        <h2 id="components-heading" className="text-lg font-semibold">Twelve components, one of them is the model</h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {COMPONENTS.map((name) => (
            <li key={name} className={`rounded-md border px-3 py-2 text-sm ${name === "ML code" ? "border-red-200 bg-red-50 font-semibold text-red-800" : "border-slate-200 bg-white text-slate-700"}`}>
              {name}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
