//! `#[derive(ToJson, FromJson)]` for `csp_engine::json`.
//!
//! The JSON shapes are serde's defaults, so that states saved by earlier versions (written by
//! `serde_json`) still read: a struct is an object of its fields, a newtype struct its inner value, a
//! tuple struct an array; an enum is externally tagged (`"Unit"`, `{"Newtype": v}`, `{"Tuple": [..]}`,
//! `{"Struct": {..}}`). Attributes, all under `#[json(..)]`:
//! * container `default`: a missing field takes its value from the type's `Default`;
//! * container `rename_all = "lowercase"`: variant names lower-cased;
//! * field `default` (the field type's `Default`) or `default = "path"` (a function): used when missing;
//! * field `skip`: never written, read as its default.
//!
//! The generated code only calls small generic helpers of `csp_engine::json` (no visitors), which is
//! what keeps it small in wasm.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, Ident, LitStr};

#[proc_macro_derive(ToJson, attributes(json))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match to_json(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

#[proc_macro_derive(FromJson, attributes(json))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match from_json(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// What `#[json(..)]` says on a container or a field.
#[derive(Default)]
struct Attrs {
    default: Option<Default>,
    skip: bool,
    lowercase: bool,
}

enum Default {
    /// `Default::default()` of the field's type, or of the container.
    Trait,
    /// A function returning the value.
    Path(syn::Path),
}

fn attrs(list: &[syn::Attribute]) -> syn::Result<Attrs> {
    let mut out = Attrs::default();
    for attr in list.iter().filter(|a| a.path().is_ident("json")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                out.default = Some(if meta.input.peek(syn::Token![=]) {
                    Default::Path(meta.value()?.parse::<LitStr>()?.parse()?)
                } else {
                    Default::Trait
                });
            } else if meta.path.is_ident("skip") {
                out.skip = true;
            } else if meta.path.is_ident("rename_all") {
                let v: LitStr = meta.value()?.parse()?;
                if v.value() != "lowercase" {
                    return Err(meta.error("only rename_all = \"lowercase\" is supported"));
                }
                out.lowercase = true;
            } else {
                return Err(meta.error("unknown json attribute"));
            }
            Ok(())
        })?;
    }
    Ok(out)
}

fn json() -> Tokens {
    quote!(::csp_engine::json)
}

/// `"name":` as JSON text, preceded by a comma unless it is the first key.
fn key_text(name: &str, first: bool) -> String {
    format!("{}\"{}\":", if first { "" } else { "," }, name)
}

/// The container's `#[json(..)]`, once the type is known to be derivable. Lifetimes are fine (`Rest<'a>`
/// borrows what it writes); type parameters would need bounds the derive does not add, so they are refused
/// with a clear message.
fn container_attrs(input: &DeriveInput) -> syn::Result<Attrs> {
    if let Some(t) = input.generics.type_params().next() {
        return Err(syn::Error::new(t.ident.span(), "ToJson/FromJson: type parameters are not supported"));
    }
    attrs(&input.attrs)
}

fn to_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let container = container_attrs(input)?;
    let j = json();
    let name = &input.ident;
    let (impl_g, ty_g, where_g) = input.generics.split_for_impl();
    let body = match &input.data {
        Data::Struct(s) => write_fields(&s.fields, |i| {
            let f = i.member();
            quote!(&self.#f)
        })?,
        Data::Enum(e) => {
            let mut arms = Vec::new();
            for v in &e.variants {
                let vname = &v.ident;
                let tag = variant_name(vname, &container);
                let (pattern, bindings) = destructure(&v.fields);
                let arm = match &v.fields {
                    Fields::Unit => {
                        let text = format!("\"{tag}\"");
                        quote!({ w.raw(#text); })
                    }
                    _ => {
                        let open = format!("{{\"{tag}\":");
                        let inner = write_fields(&v.fields, |i| bindings[i.index].clone())?;
                        quote!({ w.raw(#open); #inner w.raw("}"); })
                    }
                };
                arms.push(quote!(Self::#vname #pattern => #arm));
            }
            quote!(match self { #(#arms)* })
        }
        Data::Union(_) => return Err(syn::Error::new(Span::call_site(), "unions are not supported")),
    };
    Ok(quote! {
        impl #impl_g #j::ToJson for #name #ty_g #where_g {
            fn to_json(&self, w: &mut #j::Writer) {
                #body
            }
        }
    })
}

/// A field's place: its index and how to name it (`self.name` / `self.0`).
struct Place<'a> {
    index: usize,
    field: &'a syn::Field,
}

impl Place<'_> {
    fn member(&self) -> Tokens {
        match &self.field.ident {
            Some(id) => quote!(#id),
            None => {
                let i = syn::Index::from(self.index);
                quote!(#i)
            }
        }
    }
}

/// The writing of a struct's (or a variant's) fields, each reached through `access`.
fn write_fields(fields: &Fields, access: impl Fn(&Place) -> Tokens) -> syn::Result<Tokens> {
    let j = json();
    Ok(match fields {
        Fields::Unit => quote!(w.raw("null");),
        Fields::Unnamed(u) if u.unnamed.len() == 1 => {
            let a = access(&Place { index: 0, field: &u.unnamed[0] });
            quote!(#j::ToJson::to_json(#a, w);)
        }
        Fields::Unnamed(u) => {
            let mut out = vec![quote!(w.raw("[");)];
            for (index, field) in u.unnamed.iter().enumerate() {
                if index > 0 {
                    out.push(quote!(w.raw(",");));
                }
                let a = access(&Place { index, field });
                out.push(quote!(#j::ToJson::to_json(#a, w);));
            }
            out.push(quote!(w.raw("]");));
            quote!(#(#out)*)
        }
        Fields::Named(n) => {
            let mut out = Vec::new();
            let mut first = true;
            for (index, field) in n.named.iter().enumerate() {
                if attrs(&field.attrs)?.skip {
                    continue;
                }
                let text = key_text(&field.ident.as_ref().unwrap().to_string(), first);
                let text = if first { format!("{{{text}") } else { text };
                first = false;
                let a = access(&Place { index, field });
                out.push(quote!(w.raw(#text); #j::ToJson::to_json(#a, w);));
            }
            let close = if first { "{}" } else { "}" };
            quote!(#(#out)* w.raw(#close);)
        }
    })
}

/// A variant's pattern (`(f0, f1)` / `{ a: f0, .. }`) and the names it binds, by field index.
fn destructure(fields: &Fields) -> (Tokens, Vec<Tokens>) {
    let names: Vec<Tokens> = (0..fields.len())
        .map(|i| {
            let id = Ident::new(&format!("f{i}"), Span::call_site());
            quote!(#id)
        })
        .collect();
    let pattern = match fields {
        Fields::Unit => quote!(),
        Fields::Unnamed(_) => quote!((#(#names),*)),
        Fields::Named(n) => {
            let members = n.named.iter().map(|f| f.ident.clone().unwrap());
            quote!({ #(#members: #names),* })
        }
    };
    (pattern, names)
}

fn variant_name(id: &Ident, container: &Attrs) -> String {
    let s = id.to_string();
    if container.lowercase {
        s.to_lowercase()
    } else {
        s
    }
}

fn from_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let container = container_attrs(input)?;
    let j = json();
    let name = &input.ident;
    let (impl_g, ty_g, where_g) = input.generics.split_for_impl();
    let body = match &input.data {
        Data::Struct(s) => {
            let build = read_fields(&s.fields, quote!(Self), &container)?;
            quote!(let v = value; #build)
        }
        Data::Enum(e) => {
            let mut arms = Vec::new();
            for v in &e.variants {
                let vname = &v.ident;
                let tag = variant_name(vname, &container);
                let arm = match &v.fields {
                    Fields::Unit => quote!((#tag, None) => Ok(Self::#vname),),
                    fields => {
                        let build = read_fields(fields, quote!(Self::#vname), &Attrs::default())?;
                        quote!((#tag, Some(v)) => { #build })
                    }
                };
                arms.push(arm);
            }
            let type_name = name.to_string();
            quote! {
                let (tag, inner) = #j::variant(value)?;
                match (tag, inner) {
                    #(#arms)*
                    _ => Err(#j::Error::unknown_variant(tag, #type_name)),
                }
            }
        }
        Data::Union(_) => return Err(syn::Error::new(Span::call_site(), "unions are not supported")),
    };
    Ok(quote! {
        impl #impl_g #j::FromJson for #name #ty_g #where_g {
            fn from_json(value: &#j::Value) -> ::core::result::Result<Self, #j::Error> {
                #body
            }
        }
    })
}

/// Reading `v` into `ctor` (`Self`, `Self::Variant`): an `Ok(..)` expression.
fn read_fields(fields: &Fields, ctor: Tokens, container: &Attrs) -> syn::Result<Tokens> {
    let j = json();
    Ok(match fields {
        Fields::Unit => quote!(#j::expect_null(v)?; Ok(#ctor)),
        Fields::Unnamed(u) if u.unnamed.len() == 1 => quote!(Ok(#ctor(#j::FromJson::from_json(v)?))),
        Fields::Unnamed(u) => {
            let n = u.unnamed.len();
            let items = (0..n).map(|i| quote!(a.item(#i)?));
            quote!(let a = #j::Arr::of(v, #n)?; Ok(#ctor(#(#items),*)))
        }
        Fields::Named(named) => {
            let defaults = container.default.is_some();
            let mut inits = Vec::new();
            for field in &named.named {
                let id = field.ident.clone().unwrap();
                let key = id.to_string();
                let a = attrs(&field.attrs)?;
                let value = match (&a.default, a.skip) {
                    (Some(Default::Path(p)), true) => quote!(#p()),
                    (_, true) if defaults => quote!(d.#id),
                    (_, true) => quote!(::core::default::Default::default()),
                    (Some(Default::Path(p)), false) => quote!(o.field_or_else(#key, #p)?),
                    (Some(Default::Trait), false) => quote!(o.field_or_else(#key, ::core::default::Default::default)?),
                    (None, false) if defaults => quote!(o.field_or(#key, d.#id)?),
                    (None, false) => quote!(o.field(#key)?),
                };
                inits.push(quote!(#id: #value));
            }
            let d = if defaults { quote!(let d = <Self as ::core::default::Default>::default();) } else { quote!() };
            quote!(let o = #j::Obj::of(v)?; #d Ok(#ctor { #(#inits),* }))
        }
    })
}
