/**
 * XSS-01 / XSS-02 — stored XSS through learner answers. Every payload is submitted as an answer
 * (API, plus one through the drill form), stored verbatim, then rendered in a real Chromium on the
 * attempt page, the history page and the mock-interview scorecard. Pass: 0 dialogs, 0 calls of the
 * exposed spy, window.__xss never set, and the DOM holds no event-handler attributes, no
 * javascript:/vbscript:/data: URLs and no active elements (script, iframe, object, …) from content.
 *
 * The app sends no CSP today, so the sanitizer (react-markdown skipHtml + rehype-sanitize) is the
 * only line of defence these tests exercise.
 */
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signInApi, uniqueEmail } from "../helpers";

const B64_SCRIPT = Buffer.from("<script>alert('b64')</script>").toString("base64");
const SVG_B64 = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'svgb64\')"/>').toString("base64");

/** Each payload tries to run `alert`, set `window.__xss`, or call the exposed `__xssHit` spy. */
export const XSS_PAYLOADS: string[] = [
  "<script>window.__xss=1;alert(1)</script>",
  "<img src=x onerror=\"window.__xss=2;alert(2)\">",
  "\"><svg/onload=alert(3)>",
  "<svg><script>__xssHit(4)</script></svg>",
  "[click me](javascript:alert(5))",
  "[click me](JaVaScRiPt:alert(6))",
  "[click me](&#106;avascript:alert(7))",
  "[click me](javascript&#58;alert(8))",
  "![img](javascript:alert(9))",
  `![x](data:text/html;base64,${B64_SCRIPT})`,
  "[x](data:text/html,<script>alert(11)</script>)",
  `![svg](data:image/svg+xml;base64,${SVG_B64})`,
  "<iframe src=\"javascript:alert(13)\"></iframe>",
  "<iframe srcdoc=\"<script>parent.alert(14)</script>\"></iframe>",
  "<a href=\"jAva&#x09;script:alert(15)\">tab-split scheme</a>",
  "<math><mi xlink:href=\"data:x,<script>alert(16)</script>\">math</mi></math>",
  "<div style=\"background:url(javascript:alert(17))\">styled</div>",
  "<div style=\"width:expression(alert(18))\">expression</div>",
  "<!--><img src=x onerror=alert(19)>-->",
  "<body onload=alert(20)>",
  "<details open ontoggle=alert(21)>x</details>",
  "<input autofocus onfocus=alert(22)>",
  "<object data=\"javascript:alert(23)\"></object>",
  "<embed src=\"data:text/html,<script>alert(24)</script>\">",
  "<a href=\"javascript:alert(25)\">raw link</a>",
  "<javascript:alert(26)>",
  "[ref link][1]\n\n[1]: javascript:alert(27)",
  "[vb](vbscript:msgbox(28))",
  "\\u003cscript\\u003ealert(29)\\u003c/script\\u003e",
  "&lt;script&gt;alert(30)&lt;/script&gt; and &#60;img src=x onerror=alert(30)&#62;",
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert(31) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(31)//>\\x3e",
  "<base href=\"javascript:alert(32)//\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(33)\">",
  "<form action=\"javascript:alert(34)\"><button>go</button></form>",
  "[title trick](https://example.invalid \"t\\\" onmouseover=\\\"alert(35)\")",
  "![alt trick](https://example.invalid/x.png\" onerror=\"alert(36))",
  "`<script>alert(37)</script>` in inline code",
  "```html\n<script>alert(38)</script>\n<img src=x onerror=alert(38)>\n```",
  "[x](javascript://%0aalert(39))",
  "<svg><animate onbegin=alert(40) attributeName=x dur=1s>",
  "<img src=\"x\" onerror=\"&#97;lert(41)\">",
  "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000052&#0000050&#0000041\">decimal entities</a>",
  "[angle](<javascript:alert(43)>)",
  "<style>@import 'javascript:alert(44)'; body{background:url(javascript:alert(44))}</style>",
  "[\u202Eklick](java\u200Bscript:alert(45)) and [zw](\u200Bjavascript:alert(45))",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(46)>\">",
  "<a id=\"__NEXT_DATA__\" name=\"x\">clobber</a> [^__proto__]\n\n[^__proto__]: footnote <img src=x onerror=alert(47)>",
  "<x onclick=alert(48)>click</x> <a onmouseover=alert(48)>hover</a>",
  "*emphasis*<img\nsrc=x\nonerror=alert(49)>",
  "<svg><a xlink:href=\"javascript:alert(50)\"><text x=20 y=20>svg link</text></a></svg>",
  "www.example.invalid/?q=\"><script>alert(51)</script>",
  "<scr<script>ipt>alert(52)</scr</script>ipt>",
];

/** Diagram labels (≤ 60 chars) rendered by the diagram review view. */
const LABEL_PAYLOADS = [
  "<img src=x onerror=alert(101)>",
  "<script>alert(102)</script>",
  "\"><svg onload=alert(103)>",
  "javascript:alert(104)",
  "{{constructor.constructor('alert(105)')()}}",
];

type Violation = string;

/** Everything in the DOM that could run code or navigate to script; [] when clean. */
async function scanDom(page: Page): Promise<Violation[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster", "lowsrc", "dynsrc"];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) out.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
        if (name === "srcdoc") out.push(`<${el.tagName.toLowerCase()} srcdoc>`);
        if (urlAttrs.includes(name) || name.endsWith(":href")) {
          // Browsers ignore ASCII whitespace/control characters inside a scheme.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is checked
          const squashed = attr.value.replace(/[\u0000-\u0020\u007f-\u009f\u200b\ufeff]/g, "").toLowerCase();
          if (/^(javascript|vbscript|data|livescript):/.test(squashed)) out.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
        }
        if (name === "style" && /expression\(|javascript:|url\(/i.test(attr.value) && el.closest(".prose")) out.push(`style on <${el.tagName.toLowerCase()}>`);
      }
    }
    for (const el of Array.from(document.querySelectorAll(".prose :is(script,iframe,frame,object,embed,style,base,meta,form,input,button,textarea,select,svg,math,noscript,link,body,details,x,animate)"))) {
      out.push(`active element <${el.tagName.toLowerCase()}> inside rendered content`);
    }
    for (const a of Array.from(document.querySelectorAll(".prose [id], .prose [name]"))) {
      const id = a.getAttribute("id") ?? a.getAttribute("name") ?? "";
      if (!id.startsWith("user-content-")) out.push(`unprefixed id/name "${id}" in rendered content (DOM clobbering)`);
    }
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) out.push(`window.__xss = ${String((window as unknown as { __xss?: unknown }).__xss)}`);
    return out;
  });
}

async function watch(page: Page): Promise<string[]> {
  const hits: string[] = [];
  page.on("dialog", (dialog) => {
    hits.push(`dialog ${dialog.type()}: ${dialog.message()} @ ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("popup", (popup) => hits.push(`popup ${popup.url()}`));
  await page.exposeFunction("__xssHit", (n: unknown) => hits.push(`spy __xssHit(${String(n)}) @ ${page.url()}`));
  return hits;
}

/** Opens a page, opens every <details>, lets handlers (onerror, onload, ontoggle, animations) fire, hovers and focuses content, then scans. */
async function visit(page: Page, path: string, renders = path !== "/attempts" && path !== "/mock"): Promise<Violation[]> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  // The checks below look inside rendered markdown; make sure there is some on answer pages.
  if (renders) expect(await page.locator(".prose, svg").count(), `${path}: rendered content present`).toBeGreaterThan(0);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
  for (const el of await page.locator(".prose a, .prose img").all()) await el.hover({ timeout: 1000 }).catch(() => undefined);
  await page.waitForTimeout(150);
  return (await scanDom(page)).map((v) => `${path}: ${v}`);
}

test.describe("[SECURITY][XSS-01] hostile answers render inert in a real browser", () => {
  test.describe.configure({ timeout: 240_000 });

  // Two halves keep each learner under the 30 submissions/minute limit.
  const halves = [XSS_PAYLOADS.slice(0, 26), XSS_PAYLOADS.slice(26)];
  halves.forEach((payloads, half) => {
    test(`[XSS-02] text answers ${half * 26 + 1}–${half * 26 + payloads.length}: attempt pages and history`, async ({ page }) => {
      const hits = await watch(page);
      const email = uniqueEmail(`xss${half}`);
      await createAccount(page.request, email);
      await signInApi(page.request, email);
      const ids: string[] = [];
      for (const payload of payloads) {
        const res = await page.request.post("/api/attempts", { data: { drillSlug: "tradeoffs", answer: payload, durationMs: 1000 } });
        expect(res.status(), `${payload}: ${await res.text()}`).toBe(201);
        const { id } = (await res.json()) as { id: string };
        const stored = ((await (await page.request.get(`/api/attempts/${id}`)).json()) as { attempt: { answer: string } }).attempt.answer;
        expect(stored, "stored verbatim").toBe(payload);
        ids.push(id);
      }
      const violations: Violation[] = [];
      for (const id of ids) violations.push(...(await visit(page, `/attempts/${id}`)));
      violations.push(...(await visit(page, "/attempts")));
      await expect(page.locator("tbody tr")).toHaveCount(payloads.length);
      // XSS-02: content cannot clobber the app: client navigation still works after rendering it all.
      await page.goto(`/attempts/${ids.at(-1)}`);
      await page.getByRole("link", { name: "← History" }).click();
      await expect(page).toHaveURL(/\/attempts$/);
      console.log(`xss | text payloads ${payloads.length} | pages ${ids.length + 1} | executions ${hits.length} | DOM violations ${violations.length}`);
      expect(hits, "script executions").toEqual([]);
      expect(violations, "DOM violations").toEqual([]);
    });
  });

  test("self-check: the detectors do catch a live payload (positive control)", async ({ page }) => {
    const hits = await watch(page);
    await page.setContent(`<img src=x onerror="alert('control')"><a href="jAva\tscript:alert(2)">x</a><div class="prose"><iframe></iframe></div><script>window.__xss = 1; __xssHit("control")</script>`);
    await page.waitForTimeout(200);
    const violations = await scanDom(page);
    expect(hits.some((h) => h.startsWith("dialog"))).toBe(true);
    expect(hits.some((h) => h.startsWith("spy"))).toBe(true);
    expect(violations.join("\n")).toMatch(/onerror/);
    expect(violations.join("\n")).toMatch(/href/);
    expect(violations.join("\n")).toMatch(/active element <iframe>/);
    expect(violations.join("\n")).toMatch(/window.__xss/);
  });

  test("an answer typed into the drill form renders inert", async ({ page }) => {
    const hits = await watch(page);
    const email = uniqueEmail("xss-ui");
    await createAccount(page.request, email);
    await signInApi(page.request, email);
    await page.goto("/drills/tradeoffs");
    const payload = "Trade-offs <img src=x onerror=alert('ui')> [x](javascript:alert('ui'))\n\n<script>__xssHit('ui')</script>";
    await page.getByLabel("Your answer (markdown)").fill(payload);
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
    const violations = await visit(page, new URL(page.url()).pathname);
    violations.push(...(await visit(page, "/attempts")));
    console.log(`xss | UI-typed payload | executions ${hits.length} | DOM violations ${violations.length}`);
    expect(hits).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("diagram labels render inert on the attempt page", async ({ page }) => {
    const hits = await watch(page);
    const email = uniqueEmail("xss-diagram");
    await createAccount(page.request, email);
    await signInApi(page.request, email);
    const nodes = LABEL_PAYLOADS.map((label, i) => ({ id: `n${i}`, label, x: 40 + i * 160, y: 80 }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id }));
    const res = await page.request.post("/api/attempts", { data: { drillSlug: "whiteboard-system", mode: "diagram", answer: JSON.stringify({ nodes, edges }), durationMs: 1000 } });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const violations = await visit(page, `/attempts/${id}`);
    await expect(page.getByText(LABEL_PAYLOADS[0]!).first(), "label shown as text").toBeVisible();
    violations.push(...(await visit(page, "/attempts")));
    console.log(`xss | diagram label payloads ${LABEL_PAYLOADS.length} | executions ${hits.length} | DOM violations ${violations.length}`);
    expect(hits).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("mock-interview answers render inert on the scorecard", async ({ page }) => {
    const hits = await watch(page);
    const email = uniqueEmail("xss-mock");
    await createAccount(page.request, email);
    await signInApi(page.request, email);
    const started = await page.request.post("/api/mock");
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const phases = ["clarify-requirements", "frame-ml-task", "data-preparation", "model-development", "evaluation", "deployment-serving", "monitoring-infrastructure"];
    const payloads = [XSS_PAYLOADS[0]!, XSS_PAYLOADS[1]!, XSS_PAYLOADS[4]!, XSS_PAYLOADS[9]!, XSS_PAYLOADS[13]!, XSS_PAYLOADS[30]!, XSS_PAYLOADS[46]!];
    let complete = false;
    for (const [i, phase] of phases.entries()) {
      const res = await page.request.post(`/api/mock/${id}/answer`, { data: { phase, answer: payloads[i] } });
      expect(res.status(), `${phase}: ${await res.text()}`).toBe(201);
      complete = ((await res.json()) as { isComplete: boolean }).isComplete;
    }
    expect(complete).toBe(true);
    const violations = await visit(page, `/mock/${id}`);
    violations.push(...(await visit(page, "/mock")));
    console.log(`xss | mock scorecard payloads ${payloads.length} | executions ${hits.length} | DOM violations ${violations.length}`);
    expect(hits).toEqual([]);
    expect(violations).toEqual([]);
  });
});
