import { TopBar } from "@/components/top-bar";
import { currentRep } from "@/lib/auth/session";
import { signOut } from "./actions";

/**
 * The signed-in shell. It does not redirect: each page calls requireRep() with its own URL so sign-in
 * can return there, and each server action checks the session again (a layout protects nothing by itself).
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const rep = await currentRep();
  return (
    <>
      {rep && <TopBar rep={rep} signOutAction={signOut} />}
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
