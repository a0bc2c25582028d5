"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Client-side navigation for every `<AppLink>` on the page, from one document listener: a plain
 * left click on an in-app link pushes its URL through Next's router (the layout stays, only the
 * page's server components are fetched). Clicks that ask for something else keep the browser's
 * behaviour: modifier keys and middle clicks (new tab or window), `target`, `download`, other
 * origins, and anything another handler already took.
 */
export function SoftNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[data-app-link]") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      if ((link.target && link.target !== "_self") || link.hasAttribute("download") || link.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${link.pathname}${link.search}${link.hash}`);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
