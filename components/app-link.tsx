import type { AnchorHTMLAttributes } from "react";

/**
 * An in-app link: a plain `<a>` that `<SoftNavigation />` (root layout) turns into a client-side
 * navigation once the page has hydrated. `next/link` does the same per link, but as a client
 * component each one costs server render time on every page (a page of 15 cards and a header
 * spent ~2 ms of its ~7 ms in them) and prefetches every link in view; one listener does the
 * navigation for all of them, and before hydration the link simply loads the page.
 */
export function AppLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} data-app-link="" {...rest} />;
}
