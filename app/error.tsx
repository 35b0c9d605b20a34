"use client";

import { PageError } from "@/components/page-error";

// Errors above the dashboard's own boundary (its layout, which looks up the session) land here.
export default function RootSegmentError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="px-4 py-16">
      <PageError {...props} />
    </main>
  );
}
