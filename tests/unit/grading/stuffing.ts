import type { Rubric } from "@/lib/grading";

/**
 * Worst-case keyword stuffing, built from each rubric's own vocabulary (every criterion's first concepts and
 * mechanism terms, and the correct value of every estimate), in the containers candidates put terms in:
 * lists, tables, config and code, documents and games. None states a role, mechanism or reason relating
 * the terms (no predicate with arguments), so none may score above the E5 floor (45) however many terms it
 * names. The formats include every holdout9 stuffing format and many it did not use, so the defence is
 * about sentences, not about any one container; the short-sentence formats have predicates but relate no
 * two concepts and state no role (lib/grading/assertion.ts, `relatesConcepts`).
 */
const termsOf = (group: unknown): string[] => (Array.isArray(group) ? (group as string[]) : (group as { terms: string[] }).terms);
const clean = (term: string): string => term.replace(/\*/g, "").replace(/&/g, "and");
const ident = (term: string): string => term.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
const camel = (term: string): string => ident(term).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const title = (term: string): string => term.replace(/(^|\s)\w/g, (m) => m.toUpperCase());

const UNITS: Record<string, string> = { qps: "QPS", bytes: "B/day", lookups: "lookups/s" };
function human(n: number): string {
  for (const [d, s] of [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]] as const) if (n >= d) return `${Number((n / d).toPrecision(3))}${s}`;
  return String(Number(n.toPrecision(3)));
}

type Pair = { concept: string; other: string; mech: string; mech2: string; dim: string };

export function stuffedAnswers(rubric: Rubric): Record<string, string> {
  const pairs: Pair[] = rubric.criteria.flatMap((c) => {
    if (!c.evidence) return [];
    const concept = termsOf(c.evidence.concept).map(clean).filter((t) => t.split(" ").length <= 3);
    const mechanism = c.evidence.mechanism ? termsOf(c.evidence.mechanism).map(clean).filter((t) => t.length > 3) : [];
    return [{ concept: concept[0] ?? "", other: concept[1] ?? concept[0] ?? "", mech: mechanism[0] ?? "", mech2: mechanism[1] ?? "", dim: c.dimension }];
  });
  // the right numbers, with their units and the scale they are for: a stuffer may copy them from anywhere
  const estimates = rubric.criteria.flatMap((c) => (c.estimate ? [`${human(c.estimate.atUsers)} DAU ~${human(c.estimate.expected)} ${UNITS[c.estimate.quantity] ?? c.estimate.quantity}`] : []));
  const all = pairs.flatMap((p) => [p.concept, p.mech].filter(Boolean));
  const dims = [...new Set(pairs.map((p) => p.dim))];
  const fillers = ["ensure", "leverage", "handle", "use", "implement", "support"];
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return {
    // the original eight
    comma: `${all.join(", ")}.`,
    bullets: all.map((t) => `- ${t}`).join("\n"),
    fillerProse: pairs.map((p, i) => `We ${fillers[i % fillers.length]} ${p.concept} and ${p.mech}${p.mech2 ? ` with ${p.mech2}` : ""}.`).join(" "),
    fillerBullets: pairs.map((p, i) => `- ${fillers[i % fillers.length]} ${p.concept} for ${p.mech}`).join("\n"),
    labels: dims.map((d) => `${d}: ${pairs.filter((p) => p.dim === d).flatMap((p) => [p.concept, p.mech]).join(", ")}`).join("\n"),
    table: `| concept | how |\n|---|---|\n${pairs.map((p) => `| ${p.concept} | ${p.mech} ${p.mech2} |`).join("\n")}`,
    hashtags: all.map((t) => `#${t.replace(/\s+/g, "")}`).join(" "),
    oneSentence: `Key is ${pairs.map((p) => `${p.concept} and ${p.other} with ${p.mech}`).join(", plus ")}, all of which matter.`,
    // holdout9's formats
    mermaid: `graph LR\n${pairs.map((p, i) => `  ${letters[i % 26]}[${p.concept}]\n  ${letters[i % 26]}2(${p.mech})`).join("\n")}\n%% TODO arrows. key ideas: ${pairs.map((p) => p.other).join(", ")}`,
    csv: `concept,mechanism,detail\n${pairs.map((p) => `${p.concept},${p.mech},${p.mech2}`).join("\n")}\n${estimates.join(",")}`,
    slides: `Slide 1: ${title(rubric.drill.replace(/-/g, " "))}\n${[...estimates, ...pairs.map((p) => p.concept)].reduce<string[]>((acc, t, i) => (i % 3 === 0 ? [...acc, t] : [...acc.slice(0, -1), `${acc[acc.length - 1]} · ${t}`]), []).map((l, i) => `Slide ${i + 2}: ${l}`).join("\n")}\nSlide ${pairs.length + 3}: Questions?`,
    jobDescription: `ML Engineer, Feed Ranking\nResponsibilities:\n${pairs.map((p) => `• Own ${p.concept} and ${p.mech} across the stack`).join("\n")}\nRequirements: Python, Spark, ${pairs.map((p) => p.other).slice(0, 4).join(", ")}, growth mindset.`,
    agenda: pairs.map((p, i) => `${i * 5}-${i * 5 + 5} min  ${i + 1}. ${title(p.concept)}: ${p.mech}, ${p.mech2}`).join("\n"),
    codeComments: pairs.map((p) => `// ${p.concept}:  ${p.mech} <-> ${p.mech2 || p.other}  => ${p.other}`).join("\n"),
    backIndex: `Index\n${pairs.map((p, i) => `${p.concept}: ${p.mech}, ${p.mech2}, ${3 + i * 7}`).join("\n")}`,
    runbook: `RUNBOOK: ${ident(rubric.drill).toUpperCase()}-001\nSeverity: SEV2\n${pairs.map((p) => `${title(p.dim)}: ${p.concept}, ${p.mech}, ${p.mech2}`).join("\n")}\nOwner: ML on-call`,
    hcl: `resource "incident" "${ident(rubric.drill)}" {\n${pairs.map((p) => `  ${ident(p.concept)} = ["${p.mech}", "${p.mech2}", "${p.other}"]`).join("\n")}\n}`,
    acrostic: pairs.map((p) => `${p.concept.charAt(0).toUpperCase()}: ${p.concept}, ${p.mech}, ${p.mech2}`).join("\n"),
    pytest: `tests/test_${ident(rubric.drill)}.py\n${pairs.map((p) => `  test_${ident(p.concept)}_${ident(p.mech)}`).join("\n")}\n======== ${pairs.length} passed ========`,
    protobuf: `message ${camel(rubric.drill)} {\n${pairs.map((p, i) => `  repeated string ${ident(p.concept)} = ${i + 1};  // ["${p.mech}", "${p.mech2}", "${p.other}"]`).join("\n")}\n}`,
    kanban: `TODO | DOING | DONE\n---+---+---\n${pairs.map((p) => `${p.concept} | ${p.mech} | identified: ${p.other}`).join("\n")}`,
    grafana: `Dashboard: ${rubric.drill} / on-call\n${pairs.map((p, i) => `Row ${i + 1}: ${p.concept} | ${p.mech} | ${p.mech2}`).join("\n")}\nAnnotations: ${pairs[0]?.other ?? ""} unchanged, monitors green`,
    bingo: `BINGO\n${[0, 1, 2].map((r) => `| ${all.slice(r * 5, r * 5 + 5).join(" | ")} |`).join("\n")}`,
    // formats the next blind set may use
    yaml: `${ident(rubric.drill)}:\n${pairs.map((p) => `  ${ident(p.concept)}:\n    mechanism: ${p.mech}\n    also: [${p.mech2}, ${p.other}]\n    enabled: true`).join("\n")}`,
    json: JSON.stringify(Object.fromEntries(pairs.map((p) => [camel(p.concept), { mechanism: p.mech, also: [p.mech2, p.other], critical: true }])), null, 2),
    sqlDdl: `CREATE TABLE ${ident(rubric.drill)} (\n${pairs.map((p) => `  ${ident(p.concept)} TEXT NOT NULL, -- ${p.mech}, ${p.mech2}`).join("\n")}\n);`,
    poem: pairs.map((p, i) => (i % 2 === 0 ? `Oh ${p.concept}, ${p.mech} and ${p.mech2},` : `${p.concept} and ${p.other}, ${p.mech} anew.`)).join("\n"),
    gitLog: pairs.map((p, i) => `${(0xa1b2c3 + i * 4099).toString(16)} feat(${ident(p.dim)}): ${p.concept} + ${p.mech}`).join("\n"),
    latex: `\\begin{itemize}\n${pairs.map((p) => `  \\item \\textbf{${p.concept}} --- ${p.mech}, ${p.mech2}`).join("\n")}\n\\end{itemize}`,
    glossary: `Glossary\n${pairs.map((p) => `${title(p.concept)} — ${p.mech}.`).join("\n")}`,
    mindMap: `${rubric.drill}\n${dims.map((d) => `├── ${d}\n${pairs.filter((p) => p.dim === d).map((p) => `│   ├── ${p.concept}\n│   │   └── ${p.mech}`).join("\n")}`).join("\n")}`,
    chat: pairs.map((p) => `Interviewer: And then?\nMe: ${p.concept}\nInterviewer: Why?\nMe: ${p.mech}`).join("\n"),
    toc: `Contents\n${pairs.map((p, i) => `${i + 1}. ${title(p.concept)} .......... ${4 + i * 3}\n   ${i + 1}.1 ${title(p.mech)} .......... ${5 + i * 3}`).join("\n")}`,
    wordCloud: all.map((t, i) => `${t} (${20 - (i % 15)})`).join("  "),
    quizKey: `Answer key\n${pairs.map((p, i) => `Q${i + 1}. ${p.concept} — (b) ${p.mech}`).join("\n")}`,
    regex: pairs.map((p) => `/(${p.concept.replace(/\s+/g, "\\s+")})|(${p.mech.replace(/\s+/g, "\\s+")})/i`).join("\n"),
    emojiNotes: pairs.map((p) => `✅ ${p.concept} ➡️ ${p.mech} 🔥 ${p.mech2}`).join("\n"),
    // stuffing as short real sentences: each has a subject and a verb, none relates two concepts or states a role
    weUse: pairs.map((p, i) => `We ${["use", "watch", "have", "add", "run", "track"][i % 6]} ${p.concept}. ${title(p.mech)} too.`).join(" "),
    important: pairs.map((p, i) => `${title(p.concept)} is ${["important", "key", "critical", "essential", "crucial", "vital"][i % 6]}. ${title(p.mech)} is ${["relevant", "useful", "important", "needed", "good", "big"][i % 6]}.`).join(" "),
    thereIs: pairs.map((p) => `There is ${p.concept}. There are ${p.mech}${p.mech2 ? ` and ${p.mech2}` : ""}.`).join(" "),
    matterAtScale: pairs.map((p) => `${title(p.concept)} and ${p.mech} matter at scale.`).join(" "),
    itIs: pairs.map((p) => `We watch ${p.concept}. It is ${p.mech}.${p.mech2 ? ` We want ${p.mech2}.` : ""}`).join(" "),
    shortNotes: pairs.map((p, i) => `${title(p.concept)} happens. ${["Then", "Also", "And"][i % 3]} ${p.mech} happens. We need ${p.other}.`).join("\n"),
    numbersTable: `| scale | estimate | component |\n|---|---|---|\n${estimates.map((e, i) => `| ${e.split(" ~")[0]} | ~${e.split(" ~")[1]} | ${pairs[i]?.concept ?? ""} |`).join("\n")}\n${pairs.map((p) => `| | ${p.mech} | ${p.concept} |`).join("\n")}`,
  };
}
