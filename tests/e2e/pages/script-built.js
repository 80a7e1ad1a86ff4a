// Builds, before the article, markup the HTML parser could never produce: a form inside a form
// (a parser ignores the inner <form> tag), so the serialised page re-parses to one element fewer.
document.addEventListener("DOMContentLoaded", () => {
  const outer = document.createElement("form");
  const inner = document.createElement("form");
  const input = document.createElement("input");
  input.name = "q";
  inner.append(input);
  outer.append(inner);
  document.getElementById("search-slot").append(outer);
});
