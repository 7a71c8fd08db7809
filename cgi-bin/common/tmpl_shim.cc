// The one C++ file of weft: tmpl.h implemented over Google ctemplate, so
// that the rest of weft stays C.  Nothing here throws across the C
// boundary: ctemplate reports errors by return value, and allocation
// failure (std::bad_alloc) is caught and turned into WEFT_ERR_NOMEM.

#include <ctemplate/template.h>

#include <new>
#include <string>

extern "C" {
#include "tmpl.h"
}

using ctemplate::TemplateDictionary;

static TemplateDictionary *
dict(struct tmpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static const TemplateDictionary *
cdict(const struct tmpl_dict *d)
{
	return reinterpret_cast<const TemplateDictionary *>(d);
}

extern "C" enum weft_err
tmpl_init(const char *root)
{
	// Templates are parsed on first use and cached for the life of the
	// worker; the root is fixed so a name cannot climb out of it.
	if (!ctemplate::mutable_default_template_cache()->
	    SetTemplateRootDirectory(root))
		return WEFT_ERR_INVALID;
	return WEFT_OK;
}

extern "C" struct tmpl_dict *
tmpl_dict_new(void)
{
	try {
		return reinterpret_cast<struct tmpl_dict *>(
		    new TemplateDictionary("page"));
	} catch (const std::bad_alloc &) {
		return nullptr;
	}
}

extern "C" void
tmpl_dict_free(struct tmpl_dict *d)
{
	delete dict(d);
}

extern "C" void
tmpl_set(struct tmpl_dict *d, const char *key, const char *val)
{
	// SetValue copies the value into the dictionary's arena.
	dict(d)->SetValue(key, val != nullptr ? val : "");
}

extern "C" void
tmpl_set_int(struct tmpl_dict *d, const char *key, long long v)
{
	dict(d)->SetValue(key, std::to_string(v));
}

extern "C" void
tmpl_show(struct tmpl_dict *d, const char *section)
{
	dict(d)->ShowSection(section);
}

extern "C" struct tmpl_dict *
tmpl_section(struct tmpl_dict *d, const char *section)
{
	return reinterpret_cast<struct tmpl_dict *>(
	    dict(d)->AddSectionDictionary(section));
}

extern "C" struct tmpl_dict *
tmpl_include(struct tmpl_dict *d, const char *name, const char *file)
{
	TemplateDictionary *inc = dict(d)->AddIncludeDictionary(name);

	inc->SetFilename(file);
	return reinterpret_cast<struct tmpl_dict *>(inc);
}

extern "C" enum weft_err
tmpl_render(const struct tmpl_dict *d, const char *file, struct buf *out)
{
	try {
		std::string s;

		if (!ctemplate::ExpandTemplate(file,
		    ctemplate::STRIP_BLANK_LINES, cdict(d), &s))
			return WEFT_ERR_NOTFOUND;
		buf_append(out, s.data(), s.size());
		return buf_failed(out) ? WEFT_ERR_NOMEM : WEFT_OK;
	} catch (const std::bad_alloc &) {
		return WEFT_ERR_NOMEM;
	}
}
