import { json } from "@/lib/api/public-route";

// /api/public itself and any other path under it: a JSON 404 rather than the HTML not-found page.
const notFound = async () => json({ error: "No such endpoint", code: "not_found" }, 404);
export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
