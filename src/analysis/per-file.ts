/**
 * `compute` memoized per file object (a SourceCode or a Program) and argument (by identity): several
 * rules ask for the same fact of the file being linted, and the file object lives only as long as it.
 */
export function perFile<File extends object, Argument, Value>(compute: (file: File, argument: Argument) => Value): (file: File, argument: Argument) => Value {
  const cache = new WeakMap<File, { argument: Argument; value: Value }>();
  return (file, argument) => {
    const cached = cache.get(file);
    if (cached && cached.argument === argument) return cached.value;
    const value = compute(file, argument);
    cache.set(file, { argument, value });
    return value;
  };
}
