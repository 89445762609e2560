import { redirect } from "next/navigation";
import { SignInForm } from "@/components/session/sign-in-form";
import { accessKey } from "@/lib/server/session/access";

export const dynamic = "force-dynamic";

/** Shown instead of the studio when STUDIO_ACCESS_KEY is set and this browser has not signed in. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!accessKey()) redirect("/");
  const next = (await searchParams).next;
  // Only a path on this studio: never a redirect to another site.
  const target = typeof next === "string" && /^\/(?!\/)/.test(next) ? next : "/";
  return (
    <main className="flex min-h-dvh items-center justify-center bg-background p-6">
      <SignInForm next={target} />
    </main>
  );
}
