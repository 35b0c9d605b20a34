"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isEmailAddress, type FindEmailOwnerAction } from "@/lib/leads/form";

const TYPING_PAUSE_MS = 400;

/** The value once it has stopped changing for a moment, so typing an address asks the server once. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** Another lead of the account with the typed email, looked up on the server once typing pauses. */
export function useEmailOwner(email: string, exceptLeadId: string | null, findEmailOwner: FindEmailOwnerAction) {
  const settled = useSettled(email.trim().toLowerCase());
  const current = settled === email.trim().toLowerCase();
  const { data } = useQuery({
    queryKey: ["lead-email-owner", settled, exceptLeadId],
    queryFn: () => findEmailOwner(settled, exceptLeadId),
    enabled: isEmailAddress(settled),
    staleTime: 30_000,
  });
  // An answer about an address no longer in the field is not shown.
  return current && isEmailAddress(settled) ? (data ?? null) : null;
}
