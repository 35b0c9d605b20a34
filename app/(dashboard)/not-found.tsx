import { NotFoundMessage } from "@/components/not-found-message";

export default function DashboardNotFound() {
  return <NotFoundMessage />;
}
