import { errorResponse } from "@/lib/api/public-route";
import { noSuchEndpoint } from "@/lib/errors";

// /api/public itself and any other path under it: a JSON 404 rather than the HTML not-found page.
const notFound = async () => errorResponse(noSuchEndpoint());
export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
