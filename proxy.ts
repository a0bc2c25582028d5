// Redirects signed-out visitors away from the app's private pages. This is convenience only: every
// page, route handler and action re-checks the session and ownership itself.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = { matcher: ["/drills/:path*", "/attempts/:path*", "/account/:path*", "/progress/:path*", "/simulations/:path*", "/predict/:path*", "/review/:path*", "/mock/:path*"] };
