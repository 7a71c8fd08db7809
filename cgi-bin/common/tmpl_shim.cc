// The one C++ file of weft: tmpl.h implemented over Google ctemplate, so
// that the rest of weft stays C.  Nothing here throws across the C
// boundary: ctemplate reports errors by return value, and allocation
// failure (std::bad_alloc) is caught and turned into WEFT_ERR_NOMEM.
//
// ctemplate parses, caches, auto-escapes and expands the templates; the
// dictionaries are weft's own (struct tmpl_dict below), which ctemplate
// reads through its TemplateDictionaryInterface.  ctemplate's own
// TemplateDictionary cost the member list page 40% of its CPU: for every
// AddSectionDictionary() it builds a debugging name ("page/BODY#1/ROW#7")
// with snprintf and std::string, and every key it is given is entered in a
// global id-to-name map under a lock.  This one is an arena and one hash
// table per page, and keeps ctemplate's semantics (template_dictionary.cc):
//
//  - a value is looked up in the dictionary, then in the one it was added
//    to, and so on up (a section sees its page's values); then in the
//    built-ins BI_SPACE and BI_NEWLINE; else it is empty;
//  - a section is shown when it was added or shown in the dictionary or
//    one above it; tmpl_show() of a section already there changes
//    nothing, tmpl_section() adds one more repetition;
//  - an include's dictionary has no dictionary above it: it sees only its
//    own values;
//  - setting a value again replaces it.

#include <ctemplate/template.h>
#include <ctemplate/template_dictionary_interface.h>
#include <ctemplate/template_emitter.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

extern "C" {
#include "i18n.h"
#include "tmpl.h"
#include "tmpl_marker.h"
}

using ctemplate::TemplateDictionaryInterface;
using ctemplate::TemplateString;

struct tmpl_entry;

namespace {

// ---- the arena ----------------------------------------------------------

// Every dictionary of a page, with its keys and values, lives in the
// chunks of the root's arena and goes with it.  A worker renders one page
// after another, so the chunks of a freed page are kept (up to
// TMPL_SPARE_MAX bytes) for the next: no malloc and free per chunk, and no
// heap growing and shrinking with every page.
constexpr size_t TMPL_CHUNK = 16384;
constexpr size_t TMPL_SPARE_MAX = 512 * 1024;

struct alignas(16) tmpl_chunk {
	tmpl_chunk	*next;
	size_t		 size;		// bytes after the header
	size_t		 used;
};

// A slot of a page's table: which dictionary, which kind of name, and
// the entry (NULL: an empty slot).
struct tmpl_slot {
	const void	*dict;
	uint64_t	 hash;		// the name's, mixed with its kind
	tmpl_entry	*entry;
};

// The memory and the names of one page (a root and every dictionary
// under it).  Every name of every dictionary is in one open-addressing
// table keyed by (dictionary, kind, name): a lookup that climbs from a
// row to the page is one probe per level, found or not.
struct tmpl_arena {
	tmpl_chunk	*head;
	int		 failed;	// an allocation failed: page lost
	tmpl_slot	*slots;
	size_t		 cap;		// a power of two, or 0
	size_t		 n;
	char		 lang[I18N_TAG_MAX];	// of the page's phrases
};

tmpl_chunk	*tmpl_spare;
size_t		 tmpl_spare_bytes;
size_t		 tmpl_table_hint;	// the last page's table size

// A spare chunk of at least size bytes, taken off the list, or NULL.
tmpl_chunk *
tmpl_spare_take(size_t size)
{
	tmpl_chunk	**pp, *c;

	for (pp = &tmpl_spare; (c = *pp) != nullptr; pp = &c->next)
		if (c->size >= size) {
			*pp = c->next;
			tmpl_spare_bytes -= c->size;
			return c;
		}
	return nullptr;
}

// n bytes, 16-aligned, or NULL (and the arena marked failed).
void *
tmpl_alloc(tmpl_arena *a, size_t n)
{
	tmpl_chunk	*c = a->head;
	size_t		 size;
	void		*p;

	n = (n + 15) & ~static_cast<size_t>(15);
	if (c == nullptr || c->size - c->used < n) {
		size = n > TMPL_CHUNK ? n : TMPL_CHUNK;
		if ((c = tmpl_spare_take(size)) == nullptr) {
			if ((c = static_cast<tmpl_chunk *>(
			    malloc(sizeof(tmpl_chunk) + size))) == nullptr) {
				a->failed = 1;
				return nullptr;
			}
			c->size = size;
		}
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = reinterpret_cast<unsigned char *>(c + 1) + c->used;
	c->used += n;
	return p;
}

// A copy of s (n bytes) with a NUL after it, or NULL.
char *
tmpl_strdup(tmpl_arena *a, const char *s, size_t n)
{
	char	*p;

	if ((p = static_cast<char *>(tmpl_alloc(a, n + 1))) == nullptr)
		return nullptr;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
tmpl_arena_free(tmpl_arena *a)
{
	tmpl_chunk	*c, *next;

	if (a->cap > 0)
		tmpl_table_hint = a->cap;
	for (c = a->head; c != nullptr; c = next) {
		next = c->next;
		if (tmpl_spare_bytes + c->size <= TMPL_SPARE_MAX) {
			c->next = tmpl_spare;
			tmpl_spare = c;
			tmpl_spare_bytes += c->size;
		} else
			free(c);
	}
	a->head = nullptr;
	a->slots = nullptr;
	a->cap = a->n = 0;
}

// ---- keys -------------------------------------------------------------

// A variable, section or include name.  The hash finds it; the text, a
// copy in the arena, confirms it.  Callers may build keys at run time in
// a buffer they reuse, so a key is never kept by its pointer.
struct tmpl_key {
	uint64_t	 hash;
	const char	*text;
	size_t		 len;
};

uint64_t
tmpl_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdull;
	return h ^ h >> 32;
}

// Eight bytes at a time, the last ones read overlapping the ones before:
// names are short, and every lookup hashes one.  (The length is mixed in
// first, so overlapping reads of different names cannot collide more
// than any others.)
tmpl_key
tmpl_key_of(const char *s, size_t len)
{
	uint64_t	 h = 0x9e3779b97f4a7c15ull ^ len, w = 0;
	uint32_t	 a, b;
	size_t		 i;

	if (len >= 8) {
		for (i = 0; i + 8 <= len; i += 8) {
			memcpy(&w, s + i, 8);
			h = tmpl_mix(h, w);
		}
		if (i < len) {
			memcpy(&w, s + len - 8, 8);
			h = tmpl_mix(h, w);
		}
	} else if (len >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		h = tmpl_mix(h, static_cast<uint64_t>(a) << 32 | b);
	} else {
		for (i = 0; i < len; i++)
			w = w << 8 | static_cast<unsigned char>(s[i]);
		h = tmpl_mix(h, w);
	}
	h *= 0xc4ceb9fe1a85ec53ull;
	return tmpl_key{ h ^ h >> 29, s, len };
}

bool
tmpl_key_eq(const tmpl_key &a, const tmpl_key &b)
{
	return a.hash == b.hash && a.len == b.len &&
	    memcmp(a.text, b.text, a.len) == 0;
}

}	// namespace

// ---- dictionaries -------------------------------------------------------

// One name in a dictionary: a variable's value, or the dictionaries of a
// section or an include (one per repetition).
struct tmpl_entry {
	tmpl_entry	*next;		// the dictionary's list, for dumps
	tmpl_key	 key;
	const char	*val;
	size_t		 vlen;
	struct tmpl_dict **dicts;
	size_t		 n;
	size_t		 cap;
};

struct tmpl_dict final : public TemplateDictionaryInterface {
	tmpl_arena	*arena;		// the root's, shared by the tree
	tmpl_dict	*parent;	// sections: where added; else NULL
	tmpl_entry	*vars;
	tmpl_entry	*sections;
	tmpl_entry	*includes;
	const char	*filename;	// an include's template
	tmpl_arena	 own;		// roots only: the arena of the tree

	tmpl_dict(tmpl_arena *a, tmpl_dict *up)
	    : arena(a), parent(up), vars(nullptr), sections(nullptr),
	    includes(nullptr), filename(nullptr),
	    own{ nullptr, 0, nullptr, 0, 0, "en" }
	{
	}

	TemplateString GetValue(const TemplateString &) const override;
	bool IsHiddenSection(const TemplateString &) const override;
	bool IsUnhiddenSection(const TemplateString &) const override;
	bool IsHiddenTemplate(const TemplateString &) const override;
	const char *GetIncludeTemplateName(const TemplateString &, int)
	    const override;
	Iterator *CreateSectionIterator(const TemplateString &)
	    const override;
	Iterator *CreateTemplateIterator(const TemplateString &)
	    const override;
	void DumpToString(std::string *, int) const override;

	// The repetitions of a section or include, for ctemplate (which
	// deletes it).  Nested: Iterator is only open to subclasses.
	class iter final : public Iterator {
		tmpl_dict *const	*p_;
		tmpl_dict *const	*end_;
	 public:
		iter(tmpl_dict *const *p, size_t n) : p_(p), end_(p + n) {}
		bool HasNext() const override { return p_ != end_; }
		const TemplateDictionaryInterface &Next() override
		{
			return **p_++;
		}
	};
};

namespace {

// Where allocation failed, tmpl_section() and tmpl_include() return this
// one: everything set in it is dropped, and tmpl_render() of the page
// (whose arena is marked failed) says WEFT_ERR_NOMEM.
tmpl_arena	 tmpl_sink_arena = { nullptr, 1, nullptr, 0, 0, "en" };
tmpl_dict	 tmpl_sink(&tmpl_sink_arena, nullptr);

enum tmpl_kind { TMPL_VAR = 1, TMPL_SECTION, TMPL_INCLUDE };

uint64_t
tmpl_slot_hash(const void *d, tmpl_kind kind, const tmpl_key &k)
{
	uint64_t	 h = k.hash ^ (reinterpret_cast<uintptr_t>(d) *
			    0x9e3779b97f4a7c15ull) ^ kind;

	return h ^ h >> 31;
}

// Where (d, kind, k) is in the page's table, or the empty slot where it
// goes: its entry, or NULL with *at set to that slot.  The kind needs no
// comparing: it is mixed into the hash by a bijection, so for the same
// dictionary and name another kind always has another hash.
tmpl_entry *
tmpl_probe(const tmpl_arena *a, uint64_t h, const void *d,
    const tmpl_key &k, size_t *at)
{
	size_t	 i;

	for (i = h & (a->cap - 1); a->slots[i].entry != nullptr;
	    i = (i + 1) & (a->cap - 1))
		if (a->slots[i].hash == h && a->slots[i].dict == d &&
		    tmpl_key_eq(a->slots[i].entry->key, k))
			return a->slots[i].entry;
	*at = i;
	return nullptr;
}

// The entry of (d, kind, k) in the page's table, or NULL.
tmpl_entry *
tmpl_find(const tmpl_arena *a, const void *d, tmpl_kind kind,
    const tmpl_key &k)
{
	size_t	 at;

	if (a->cap == 0)
		return nullptr;
	return tmpl_probe(a, tmpl_slot_hash(d, kind, k), d, k, &at);
}

// Makes room in the table for one more name, keeping it at most half
// full; -1 when out of memory.  An old table stays in the arena, unused:
// a page's table grows a few times at most.
int
tmpl_grow(tmpl_arena *a)
{
	tmpl_slot	*t;
	size_t		 i, j, cap;

	if (2 * (a->n + 1) <= a->cap)
		return 0;
	// The first table is as large as the last page's: a worker mostly
	// renders the same pages, and growing means rehashing.
	cap = a->cap != 0 ? 2 * a->cap :
	    tmpl_table_hint > 64 ? tmpl_table_hint : 64;
	if ((t = static_cast<tmpl_slot *>(tmpl_alloc(a, cap * sizeof(*t)))) ==
	    nullptr)
		return -1;
	memset(t, 0, cap * sizeof(*t));
	for (i = 0; i < a->cap; i++) {
		if (a->slots[i].entry == nullptr)
			continue;
		for (j = a->slots[i].hash & (cap - 1); t[j].entry != nullptr;
		    j = (j + 1) & (cap - 1))
			continue;
		t[j] = a->slots[i];
	}
	a->slots = t;
	a->cap = cap;
	return 0;
}

// The entry of name in d (kind, and the list it is kept on), made
// (empty) when there is none; NULL when out of memory.
tmpl_entry *
tmpl_entry_get(tmpl_dict *d, tmpl_kind kind, tmpl_entry **list,
    const char *name)
{
	tmpl_arena	*a = d->arena;
	tmpl_key	 k;
	tmpl_entry	*e;
	uint64_t	 h;
	size_t		 at;

	if (name == nullptr)	// as ctemplate's TemplateString(NULL)
		name = "";
	k = tmpl_key_of(name, strlen(name));
	if (tmpl_grow(a) == -1)
		return nullptr;
	h = tmpl_slot_hash(d, kind, k);
	if ((e = tmpl_probe(a, h, d, k, &at)) != nullptr)
		return e;
	if ((e = static_cast<tmpl_entry *>(tmpl_alloc(a, sizeof(*e)))) ==
	    nullptr || (k.text = tmpl_strdup(a, name, k.len)) == nullptr)
		return nullptr;
	*e = tmpl_entry{ *list, k, nullptr, 0, nullptr, 0, 0 };
	a->slots[at] = tmpl_slot{ d, h, e };
	a->n++;
	*list = e;
	return e;
}

// Appends a new, empty dictionary (parent up) to e's; NULL when out of
// memory.
tmpl_dict *
tmpl_entry_add(tmpl_arena *a, tmpl_entry *e, tmpl_dict *up)
{
	tmpl_dict	**v;
	void		*mem;

	if (e->n == e->cap) {
		if ((v = static_cast<tmpl_dict **>(tmpl_alloc(a,
		    2 * (e->cap + 2) * sizeof(*v)))) == nullptr)
			return nullptr;
		if (e->n > 0)
			memcpy(v, e->dicts, e->n * sizeof(*v));
		e->dicts = v;
		e->cap = 2 * (e->cap + 2);
	}
	if ((mem = tmpl_alloc(a, sizeof(tmpl_dict))) == nullptr)
		return nullptr;
	return e->dicts[e->n++] = new (mem) tmpl_dict(a, up);
}

// The last section or include found by tmpl_climb(): ctemplate asks
// whether a section is hidden and then, of the same dictionary, for its
// repetitions (an include: for them and then for each one's file).  Only
// good during one tmpl_render(), when no dictionary changes: each render
// starts and ends by forgetting it.
struct tmpl_last_t {
	const tmpl_dict	*d;
	tmpl_kind	 kind;
	tmpl_entry	*e;
} tmpl_last;

void
tmpl_forget(void)
{
	tmpl_last.e = nullptr;
}

// The entry of name (kind) in d, or in the nearest dictionary above d
// that has it.
tmpl_entry *
tmpl_climb(const tmpl_dict *d, tmpl_kind kind, const TemplateString &name)
{
	const tmpl_dict	*from = d;
	tmpl_key	 k;
	tmpl_entry	*e;

	if (tmpl_last.e != nullptr && tmpl_last.d == d &&
	    tmpl_last.kind == kind && tmpl_last.e->key.len == name.size() &&
	    memcmp(tmpl_last.e->key.text, name.data(), name.size()) == 0)
		return tmpl_last.e;
	k = tmpl_key_of(name.data(), name.size());
	for (; d != nullptr; d = d->parent)
		if ((e = tmpl_find(d->arena, d, kind, k)) != nullptr) {
			tmpl_last = tmpl_last_t{ from, kind, e };
			return e;
		}
	return nullptr;
}

// Appends ctemplate's output to a struct buf, with no std::string between
// and, while there is room, no call (ctemplate emits a page in a few
// thousand pieces).
class tmpl_emitter final : public ctemplate::ExpandEmitter {
	struct buf	*out_;

	void put(const char *s, size_t n)
	{
		if (out_->p != nullptr && n < out_->cap - out_->len) {
			memcpy(out_->p + out_->len, s, n);
			out_->len += n;
			out_->p[out_->len] = '\0';
		} else
			buf_append(out_, s, n);
	}
 public:
	explicit tmpl_emitter(struct buf *out) : out_(out) {}
	void Emit(char c) override { put(&c, 1); }
	void Emit(const std::string &s) override { put(s.data(), s.size()); }
	void Emit(const char *s) override { put(s, strlen(s)); }
	void Emit(const char *s, size_t n) override { put(s, n); }
};


// ---- phrases ------------------------------------------------------------

// tmpl_init() loads every template through tmpl_marker_load(), which
// rewrites each phrase marker as {{I18N_<i>}}; GetValue() answers those
// with tmpl_marker_text() (tmpl_marker.h), in the page's language, and
// ctemplate escapes the phrase like any value, where it stands.

// A placeholder's value: its template variable, looked up from the
// dictionary of the marker; a copy in the page's arena.
const char *
tmpl_var_value(void *ctx, const char *var)
{
	const tmpl_dict	*d = static_cast<const tmpl_dict *>(ctx);
	TemplateString	 v = d->GetValue(TemplateString(var, strlen(var)));
	const char	*p = tmpl_strdup(d->arena, v.data(), v.size());

	return p != nullptr ? p : "";
}

struct buf	 tmpl_scratch;

TemplateString
tmpl_phrase(const tmpl_dict *d, const char *id, size_t len)
{
	const char	*t, *p;

	if ((t = tmpl_marker_text(id, len, d->arena->lang, tmpl_var_value,
	    const_cast<tmpl_dict *>(d), &tmpl_scratch)) == nullptr)
		return TemplateString("", 0);
	if (t != tmpl_scratch.p)
		return TemplateString(t, strlen(t));
	// The scratch buffer is the next phrase's: the page keeps a copy.
	if ((p = tmpl_strdup(d->arena, t, tmpl_scratch.len)) == nullptr)
		return TemplateString("", 0);
	return TemplateString(p, tmpl_scratch.len);
}

extern "C" int
tmpl_put(const char *name, const char *text, size_t len)
{
	return ctemplate::StringToTemplateCache(std::string(name),
	    std::string(text, len), ctemplate::STRIP_BLANK_LINES) ? 0 : -1;
}

}	// namespace

TemplateString
tmpl_dict::GetValue(const TemplateString &name) const
{
	tmpl_key	 k = tmpl_key_of(name.data(), name.size());
	tmpl_entry	*e;

	for (const tmpl_dict *d = this; d != nullptr; d = d->parent)
		if ((e = tmpl_find(arena, d, TMPL_VAR, k)) != nullptr)
			return TemplateString(e->val, e->vlen);
	// ctemplate's global dictionary: the built-ins, nothing else.
	if (k.len == 8 && memcmp(k.text, "BI_SPACE", 8) == 0)
		return TemplateString(" ", 1);
	if (k.len == 10 && memcmp(k.text, "BI_NEWLINE", 10) == 0)
		return TemplateString("\n", 1);
	if (k.len > 5 && memcmp(k.text, "I18N_", 5) == 0)
		return tmpl_phrase(this, k.text + 5, k.len - 5);
	return TemplateString("", 0);
}

bool
tmpl_dict::IsHiddenSection(const TemplateString &name) const
{
	return tmpl_climb(this, TMPL_SECTION, name) == nullptr;
}

bool
tmpl_dict::IsUnhiddenSection(const TemplateString &name) const
{
	return !IsHiddenSection(name);
}

bool
tmpl_dict::IsHiddenTemplate(const TemplateString &name) const
{
	return tmpl_climb(this, TMPL_INCLUDE, name) == nullptr;
}

const char *
tmpl_dict::GetIncludeTemplateName(const TemplateString &name, int i) const
{
	tmpl_entry	*e = tmpl_climb(this, TMPL_INCLUDE, name);

	if (e == nullptr || i < 0 || static_cast<size_t>(i) >= e->n ||
	    e->dicts[i]->filename == nullptr)
		return "";
	return e->dicts[i]->filename;
}

TemplateDictionaryInterface::Iterator *
tmpl_dict::CreateSectionIterator(const TemplateString &name) const
{
	tmpl_entry	*e = tmpl_climb(this, TMPL_SECTION, name);

	return new iter(e != nullptr ? e->dicts : nullptr,
	    e != nullptr ? e->n : 0);
}

TemplateDictionaryInterface::Iterator *
tmpl_dict::CreateTemplateIterator(const TemplateString &name) const
{
	tmpl_entry	*e = tmpl_climb(this, TMPL_INCLUDE, name);

	return new iter(e != nullptr ? e->dicts : nullptr,
	    e != nullptr ? e->n : 0);
}

// For ctemplate's debugging output only: the names, the values and the
// repetitions, indented.
void
tmpl_dict::DumpToString(std::string *out, int level) const
{
	const tmpl_entry	*e;
	const std::string	 pad(static_cast<size_t>(level), ' ');

	for (e = vars; e != nullptr; e = e->next)
		*out += pad + std::string(e->key.text, e->key.len) + ": >" +
		    std::string(e->val, e->vlen) + "<\n";
	for (e = sections; e != nullptr; e = e->next)
		for (size_t i = 0; i < e->n; i++) {
			*out += pad + "section " + e->key.text + " -->\n";
			e->dicts[i]->DumpToString(out, level + 2);
		}
	for (e = includes; e != nullptr; e = e->next)
		for (size_t i = 0; i < e->n; i++) {
			*out += pad + "include " + e->key.text + " -->\n";
			e->dicts[i]->DumpToString(out, level + 2);
		}
}

// ---- the C interface -----------------------------------------------------

extern "C" enum weft_err
tmpl_init(const char *root)
{
	// Templates are read, their phrase markers rewritten, parsed and
	// cached once, for the life of the worker; the root is fixed so a
	// name cannot climb out of it.
	try {
		if (!ctemplate::mutable_default_template_cache()->
		    SetTemplateRootDirectory(root) ||
		    tmpl_marker_load(root, tmpl_put) == -1)
			return WEFT_ERR_INVALID;
	} catch (const std::bad_alloc &) {
		return WEFT_ERR_NOMEM;
	}
	return WEFT_OK;
}

extern "C" struct tmpl_dict *
tmpl_dict_new(void)
{
	tmpl_arena	 a = { nullptr, 0, nullptr, 0, 0, "en" };
	void		*mem;
	tmpl_dict	*d;

	// The root lives in its own arena; its `own` holds the arena.
	if ((mem = tmpl_alloc(&a, sizeof(tmpl_dict))) == nullptr)
		return nullptr;
	d = new (mem) tmpl_dict(nullptr, nullptr);
	d->own = a;
	d->arena = &d->own;
	return d;
}

extern "C" void
tmpl_lang(struct tmpl_dict *d, const char *lang)
{
	if (d->arena == &d->own && lang != nullptr && lang[0] != '\0')
		snprintf(d->own.lang, sizeof(d->own.lang), "%s", lang);
}

extern "C" const char *
tmpl_page_lang(const struct tmpl_dict *d)
{
	return d != nullptr ? d->arena->lang : "en";
}

extern "C" void
tmpl_dict_free(struct tmpl_dict *d)
{
	tmpl_arena	 a;

	// Only a root owns an arena; the others go with their root.
	if (d == nullptr || d->arena != &d->own)
		return;
	a = d->own;
	tmpl_arena_free(&a);
}

extern "C" void
tmpl_set_n(struct tmpl_dict *d, const char *key, const char *v, size_t n)
{
	tmpl_entry	*e;
	char		*copy;

	if (d->arena->failed ||
	    (e = tmpl_entry_get(d, TMPL_VAR, &d->vars, key)) == nullptr ||
	    (copy = tmpl_strdup(d->arena, v, n)) == nullptr)
		return;
	e->val = copy;
	e->vlen = n;
}

extern "C" void
tmpl_set(struct tmpl_dict *d, const char *key, const char *val)
{
	const char	*v = val != nullptr ? val : "";

	tmpl_set_n(d, key, v, strlen(v));
}

extern "C" void
tmpl_show(struct tmpl_dict *d, const char *section)
{
	tmpl_entry	*e;

	if (d->arena->failed ||
	    (e = tmpl_entry_get(d, TMPL_SECTION, &d->sections, section)) ==
	    nullptr)
		return;
	if (e->n == 0)
		tmpl_entry_add(d->arena, e, d);
}

extern "C" struct tmpl_dict *
tmpl_section(struct tmpl_dict *d, const char *section)
{
	tmpl_entry	*e;
	tmpl_dict	*s;

	if (d->arena->failed ||
	    (e = tmpl_entry_get(d, TMPL_SECTION, &d->sections, section)) ==
	    nullptr ||
	    (s = tmpl_entry_add(d->arena, e, d)) == nullptr)
		return &tmpl_sink;
	return s;
}

extern "C" struct tmpl_dict *
tmpl_include(struct tmpl_dict *d, const char *name, const char *file)
{
	tmpl_entry	*e;
	tmpl_dict	*inc;

	if (d->arena->failed ||
	    (e = tmpl_entry_get(d, TMPL_INCLUDE, &d->includes, name)) ==
	    nullptr ||
	    (inc = tmpl_entry_add(d->arena, e, nullptr)) == nullptr ||
	    (inc->filename = tmpl_strdup(d->arena, file != nullptr ? file : "",
	    file != nullptr ? strlen(file) : 0)) == nullptr)
		return &tmpl_sink;
	return inc;
}

extern "C" struct tmpl_dict *
tmpl_include_once(struct tmpl_dict *d, const char *name, const char *file,
    int *added)
{
	tmpl_entry	*e;

	*added = 0;
	if (d->arena->failed ||
	    (e = tmpl_entry_get(d, TMPL_INCLUDE, &d->includes, name)) ==
	    nullptr)
		return &tmpl_sink;
	if (e->n > 0)
		return e->dicts[0];
	*added = 1;
	return tmpl_include(d, name, file);
}

extern "C" enum weft_err
tmpl_render(const struct tmpl_dict *d, const char *file, struct buf *out)
{
	size_t		 mark = out->len;
	enum weft_err	 e = WEFT_OK;

	if (d->arena->failed)
		return WEFT_ERR_NOMEM;
	tmpl_forget();
	try {
		tmpl_emitter	 emit(out);

		if (!ctemplate::ExpandTemplate(file,
		    ctemplate::STRIP_BLANK_LINES, d, &emit))
			e = WEFT_ERR_NOTFOUND;
	} catch (const std::bad_alloc &) {
		e = WEFT_ERR_NOMEM;
	}
	tmpl_forget();
	if (e == WEFT_OK && buf_failed(out))
		e = WEFT_ERR_NOMEM;
	// Nothing of a page that failed is left in out.
	if (e != WEFT_OK && out->p != nullptr) {
		out->len = mark;
		out->p[mark] = '\0';
	}
	return e;
}
