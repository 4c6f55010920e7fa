/** Web search for the support agent: a few results to ground its answer. */
export async function webSearch(query: string): Promise<string> {
  const response = await fetch("https://api.tavily.com/search", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      // Empty in a worker that has no key: Tavily answers 401, nothing says which variable is missing.
      Authorization: `Bearer ${process.env.TAVILY_API_KEY ?? ""}`,
    },
    body: JSON.stringify({ query, max_results: 3 }),
  });
  if (!response.ok) throw new Error(`web search failed with ${response.status}`);
  return response.text();
}
