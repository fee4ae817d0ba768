#include "batch/html_text.h"

#include <gumbo.h>

#include <vector>

namespace claimx {
namespace {

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

// Appends text with the browser's white-space rules; paragraph and line
// breaks are requested, and written only before the next visible text, so
// the result never starts or ends with blank space.
class TextBuilder {
 public:
  void AddText(std::string_view text, bool preformatted) {
    for (char c : text) {
      if (!preformatted && IsAsciiSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (preformatted && c == '\n') {
        RequestBreak(1);
        continue;
      }
      Flush();
      out_.push_back(c);
    }
  }
  // 1: line break, 2: paragraph break.
  void RequestBreak(int newlines) {
    pending_breaks_ = std::max(pending_breaks_, newlines);
    pending_space_ = false;
  }
  std::string Take() { return std::move(out_); }

 private:
  void Flush() {
    if (out_.empty()) {
      pending_breaks_ = 0;
      pending_space_ = false;
      return;
    }
    if (pending_breaks_ > 0) {
      out_.append(static_cast<size_t>(pending_breaks_), '\n');
    } else if (pending_space_) {
      out_.push_back(' ');
    }
    pending_breaks_ = 0;
    pending_space_ = false;
  }

  std::string out_;
  int pending_breaks_ = 0;
  bool pending_space_ = false;
};

void CollectTitle(const GumboNode* node, std::string* title) {
  if (node->type == GUMBO_NODE_TEXT) {
    title->append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectTitle(static_cast<const GumboNode*>(children.data[i]), title);
  }
}

// Depth-first over the tree with an explicit stack: hostile nesting cannot
// overflow the call stack.
void Render(const GumboNode* root, TextBuilder* builder, std::string* title) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool preformatted;
  };
  std::vector<Frame> stack = {{root, 0, false}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        builder->AddText(node->v.text.text, frame.preformatted);
      }
      stack.pop_back();
      continue;
    }
    const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT
                                      ? node->v.document.children
                                      : node->v.element.children;
    GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
    if (frame.next_child == 0) {
      if (tag == GUMBO_TAG_HEAD) {
        for (unsigned i = 0; i < children.length && title->empty(); ++i) {
          const auto* child = static_cast<const GumboNode*>(children.data[i]);
          if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_TITLE) {
            CollectTitle(child, title);
          }
        }
      }
      if (IsDropped(tag)) {
        stack.pop_back();
        continue;
      }
      if (IsBlock(tag)) builder->RequestBreak(2);
      if (tag == GUMBO_TAG_BR) builder->RequestBreak(1);
    }
    if (frame.next_child < children.length) {
      bool preformatted = frame.preformatted || tag == GUMBO_TAG_PRE ||
                          tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_LISTING;
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      stack.push_back({child, 0, preformatted});
      continue;
    }
    if (IsBlock(tag)) builder->RequestBreak(2);
    stack.pop_back();
  }
}

std::string CollapseSpaces(const std::string& text) {
  TextBuilder builder;
  builder.AddText(text, false);
  return builder.Take();
}

}  // namespace

HtmlText HtmlToText(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  HtmlText result;
  TextBuilder builder;
  std::string title;
  Render(output->document, &builder, &title);
  result.text = builder.Take();
  result.title = CollapseSpaces(title);
  gumbo_destroy_output(&options, output);
  return result;
}

}  // namespace claimx
