import { AppLink } from "@/components/app-link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-slate-600">This page does not exist, or it is not yours to see.</p>
      <AppLink href="/drills" className="inline-block font-medium text-brand-600 hover:underline">Back to the drills</AppLink>
    </div>
  );
}
