/** Client helper: POST /api/attempts, returning the attempt URL or the server's error message. */
export async function submitAttempt(body: { drillSlug: string; answer: string; durationMs: number; mode?: string; runId?: string }): Promise<{ url: string } | { error: string }> {
  try {
    const res = await fetch("/api/attempts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
    if (res.ok && data?.url) return { url: data.url };
    if (res.status === 401) return { error: "Your session ended. Sign in again in another tab; your work is kept here." };
    return { error: data?.error?.message ?? "Could not save the answer; try again." };
  } catch {
    return { error: "Network error; try again." };
  }
}
