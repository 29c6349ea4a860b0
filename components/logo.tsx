export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-brand-600" fill="none">
        <path d="M4 6h10l6 6-6 6H4l6-6-6-6Z" fill="currentColor" />
      </svg>
      Flowgate
    </span>
  );
}
