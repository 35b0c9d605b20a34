export function Initials({ name, size = "md" }: { name: string; size?: "md" | "lg" }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  const sizing = size === "lg" ? "size-14 text-lg" : "size-9 text-sm";
  return (
    <span aria-hidden className={`grid shrink-0 place-items-center rounded-full bg-indigo-100 font-semibold text-indigo-700 ${sizing}`}>
      {initials || "?"}
    </span>
  );
}
