"use client";
// Mounts the spend confirmation only when a click asks for it: its code is
// fetched then, not with the page.
import dynamic from "next/dynamic";
import { useConfirmRequest } from "@/lib/client/builder/confirm-request";

const ConfirmSpendDialog = dynamic(
  () => import("./confirm-spend-dialog").then((m) => m.ConfirmSpendDialog),
  { ssr: false },
);

export function ConfirmSpendHost() {
  const [request, close] = useConfirmRequest();
  return request ? <ConfirmSpendDialog request={request} onClose={close} /> : null;
}
