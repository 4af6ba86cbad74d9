"""Scale-out past one machine: workers and one archive writer sharing passes through Redis. Only
this package imports redis, so `liveblog crawl` and `watch` run without it."""
